/** What follows a new case: the critical alert and the customer's acknowledgment, each under its own key. */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/adapters/clock.js';
import type { MailMessage } from '../../../shared/ports/mailer.js';
import type { Outbox } from '../../../shared/ports/outbox.js';
import { makeAfterCreate } from '../../../shared/usecases/after-create.js';
import type { SendOutcome } from '../../../shared/usecases/send-once.js';
import { newCase, rules, silentLogger } from '../../support/builders.js';

const EXEC = ['exec@studio.example'];
const mail = {
  lists: rules().lists,
  timeZone: 'Asia/Shanghai',
  statusUrl: 'https://cases.studio.example/status',
  statusLink: (caseNo: string, lang: string) =>
    `https://cases.studio.example/status?case=${caseNo}&key=k-${caseNo}&lang=${lang}`,
};

/** An outbox that only records which entries were cleared (the listing belongs to the drain's tests). */
const cleared: string[] = [];
const outbox: Outbox = {
  listOwed: async () => ({ items: [] }),
  clear: async (entry) => void cleared.push(entry.caseNo),
};

/** The rest of the deps: the outbox above, a clock, no logs. */
const quiet = {
  outbox,
  clock: fixedClock('2026-11-23T02:00:00.000Z'),
  logger: silentLogger,
};

/** afterCreate over a sendOnce that records what it was asked to send. */
function recorded(execManagers = EXEC) {
  const sent: { key: string; message: MailMessage }[] = [];
  const { afterCreate } = makeAfterCreate({
    sendOnce: async (key, message): Promise<SendOutcome> => {
      sent.push({ key, message });
      return 'sent';
    },
    execManagers,
    mail,
    ...quiet,
  });
  return { afterCreate, sent };
}

describe('afterCreate', () => {
  it('acknowledges the customer by email, in their language, with the status page', async () => {
    const { afterCreate, sent } = recorded();
    const c = newCase({ submission: { email: 'li.si@example.com', language: 'en' } });
    await afterCreate(c);
    expect(sent.map((s) => s.key)).toEqual([`ack#${c.caseNo}`]);
    const [ack] = sent;
    expect(ack?.message.to).toEqual(['li.si@example.com']);
    expect(ack?.message.subject).toBe(`We have received your feedback (case ${c.caseNo})`);
    expect(ack?.message.text).toContain(mail.statusUrl);
  });

  it.each(['en', 'zh-CN'])(
    'gives an email-only complainant (%s) a link to their case, not the phone digits they do not have',
    async (language) => {
      const { afterCreate, sent } = recorded();
      const c = newCase({ submission: { phone: undefined, email: 'only@example.com', language } });
      await afterCreate(c);
      const text = sent[0]?.message.text ?? '';
      expect(text).toContain(mail.statusLink(c.caseNo, c.language));
      expect(text).not.toMatch(/last 4 digits|后四位/);
    },
  );

  it('gives a complainant with a phone both ways', async () => {
    const { afterCreate, sent } = recorded();
    const c = newCase({ submission: { email: 'both@example.com', language: 'en' } });
    await afterCreate(c);
    const text = sent[0]?.message.text ?? '';
    expect(text).toContain(mail.statusLink(c.caseNo, c.language));
    expect(text).toContain('last 4 digits');
  });

  it('sends no acknowledgment without a customer email', async () => {
    const { afterCreate, sent } = recorded();
    await afterCreate(newCase());
    expect(sent).toEqual([]);
  });

  it('alerts the executive managers of a critical case at once, without the contact data', async () => {
    const { afterCreate, sent } = recorded();
    const c = newCase({ submission: { category: 'privacy', email: 'li.si@example.com' } });
    expect(c.severity).toBe('critical');
    await afterCreate(c);
    const alert = sent.find((s) => s.key === `critical#${c.caseNo}`);
    expect(alert?.message.to).toEqual(EXEC);
    expect(alert?.message.subject).toBe(`[严重投诉 Critical] ${c.caseNo}`);
    expect(`${alert?.message.text}`).not.toContain('13800138000');
    expect(`${alert?.message.text}`).not.toContain('li.si@example.com');
    expect(sent.map((s) => s.key).sort()).toEqual([`ack#${c.caseNo}`, `critical#${c.caseNo}`]);
  });

  it('alerts nobody when no executive manager is configured', async () => {
    const { afterCreate, sent } = recorded([]);
    await afterCreate(newCase({ submission: { category: 'safety' } }));
    expect(sent).toEqual([]);
  });

  it('finishes only when every email has been dealt with', async () => {
    const settled: string[] = [];
    const { afterCreate } = makeAfterCreate({
      sendOnce: async (key) => {
        await new Promise((ok) => setImmediate(ok));
        settled.push(key);
        return 'sent';
      },
      execManagers: EXEC,
      mail,
      ...quiet,
    });
    const c = newCase({ submission: { category: 'privacy', email: 'li.si@example.com' } });
    await afterCreate(c);
    expect(settled.sort()).toEqual([`ack#${c.caseNo}`, `critical#${c.caseNo}`]);
  });

  describe('the outbox', () => {
    const critical = () => newCase({ submission: { category: 'privacy', email: 'li.si@example.com' } });
    /** The emails over a sendOnce answering `outcome` per key. */
    const answering = (outcome: (key: string) => SendOutcome) => {
      const asked: string[] = [];
      const emails = makeAfterCreate({
        sendOnce: async (key) => {
          asked.push(key);
          return outcome(key);
        },
        execManagers: EXEC,
        mail,
        ...quiet,
      });
      return { ...emails, asked };
    };

    it('records the keys of every email the case owes, and none for a case that owes none', () => {
      const c = critical();
      const { emailsOwed } = answering(() => 'sent');
      expect(emailsOwed(c).sort()).toEqual([`ack#${c.caseNo}`, `critical#${c.caseNo}`]);
      expect(emailsOwed(newCase())).toEqual([]);
    });

    it.each([
      ['sent now', 'sent', true],
      ['sent before', 'duplicate', true],
      ['held by another run', 'held', false],
      ['refused by SES', 'failed', false],
    ] as const)(
      'clears the entry only when every email is out (the alert %s: %s)',
      async (_what, outcome, clears) => {
        const c = critical();
        cleared.length = 0;
        const { sendOwed } = answering((key) => (key.startsWith('ack#') ? 'sent' : outcome));
        expect(await sendOwed(c, [`ack#${c.caseNo}`, `critical#${c.caseNo}`])).toBe(clears);
        expect(cleared.includes(c.caseNo)).toBe(clears);
      },
    );

    it('sends only the keys it is given; a key the case no longer yields is nothing to send', async () => {
      const c = critical();
      const { sendOwed, asked } = answering(() => 'sent');
      expect(await sendOwed(c, [`critical#${c.caseNo}`, `reminder#${c.caseNo}`])).toBe(true);
      expect(asked).toEqual([`critical#${c.caseNo}`]);
    });

    it('keeps the entry when clearing fails: the emails are out, the next drain clears it', async () => {
      const c = critical();
      const { sendOwed } = makeAfterCreate({
        sendOnce: async () => 'sent',
        execManagers: EXEC,
        mail,
        ...quiet,
        outbox: { ...outbox, clear: async () => Promise.reject(new Error('DynamoDB down')) },
      });
      expect(await sendOwed(c, [`ack#${c.caseNo}`])).toBe(false);
    });
  });
});
