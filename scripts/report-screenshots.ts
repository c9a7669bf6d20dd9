/**
 * The README's sample summary: screenshots of the latest daily and monthly emails as the SES stand-in
 * stored them (their inline chart put back in place of `cid:`), and of the report tabs on the Sheets
 * stand-in's grid page, in headless Chromium. Run against a stack that has run the reports (`npm start`,
 * then `npm run invoke -- daily-summary --now …`); Chinese needs a CJK font (Debian: fonts-noto-cjk).
 *
 *   npx tsx scripts/report-screenshots.ts --ses http://127.0.0.1:8005 --grid http://127.0.0.1:8085/grid/<id> --out docs
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

interface Stored {
  subject: string;
  body: { html?: string };
  attachments: { content: string; contentType: string; contentId?: string }[];
}

const { values } = parseArgs({
  options: { ses: { type: 'string' }, grid: { type: 'string' }, out: { type: 'string' } },
});
if (!values.ses || !values.grid) throw new Error('--ses and --grid are needed');
const out = values.out ?? 'docs';
mkdirSync(out, { recursive: true });

const { emails } = (await (await fetch(`${values.ses}/store`)).json()) as { emails: Stored[] };
const latest = (tag: string) => [...emails].reverse().find((m) => m.subject.includes(tag));
/** The HTML with each inline image as a data URL, as a mail client shows it. */
const inline = (m: Stored) =>
  (m.body.html ?? '').replace(/cid:([^"]+)/g, (_, cid: string) => {
    const a = m.attachments.find((x) => x.contentId === cid);
    return a ? `data:${a.contentType};base64,${a.content}` : `cid:${cid}`;
  });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 820, height: 900 }, deviceScaleFactor: 1 });
for (const [tag, file] of [
  ['Daily complaint review', 'daily-summary-email.png'],
  ['Monthly complaint statistics', 'monthly-report-email.png'],
] as const) {
  const mail = latest(tag);
  if (!mail) continue;
  await page.setContent(inline(mail), { waitUntil: 'load' });
  await page.screenshot({ path: join(out, file), fullPage: true });
}
await page.setViewportSize({ width: 1500, height: 820 });
for (const [tab, file] of [
  ['Daily Summary', 'daily-summary-tab.png'],
  ['Daily Review', 'daily-review-tab.png'],
  ['Monthly', 'monthly-tab.png'],
] as const) {
  await page.goto(values.grid, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: tab, exact: true }).click();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, file) });
}
await browser.close();
