/**
 * `npm run backfill-contact-summaries -- --table <name> [--region <r>] [--endpoint <url>]`: once, on a
 * table with cases from before the contact summaries, gives every contact the summary its links add up
 * to, so their next complaint is still seen as a repeat. Run it right after deploying the intake that
 * writes summaries. A one-off Scan (no request or schedule path scans); safe to run twice or during intake.
 */
import { parseArgs } from 'node:util';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { makeDocumentClient } from '../shared/adapters/dynamodb/client.js';
import { summaryFromLinks } from '../shared/adapters/dynamodb/contact-links.js';
import { ITEM_TYPE } from '../shared/adapters/dynamodb/items.js';
import { DEFAULT_REGION } from '../shared/config.js';

async function main() {
  const { values } = parseArgs({
    options: { table: { type: 'string' }, region: { type: 'string' }, endpoint: { type: 'string' } },
  });
  if (!values.table) throw new Error('--table <name> is required');
  const db = makeDocumentClient({
    region: values.region ?? DEFAULT_REGION,
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
    limits: null, // a Scan page may take longer than a request's time limit
  });
  const links = new Map<string, { sk: string; caseNo: string; n?: number }[]>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: values.table,
        FilterExpression: '#type = :link',
        ExpressionAttributeNames: { '#type': 'type', '#n': 'n' },
        ExpressionAttributeValues: { ':link': ITEM_TYPE.contactLink },
        ProjectionExpression: 'pk, sk, caseNo, #n',
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const i of page.Items ?? []) {
      const list = links.get(String(i.pk)) ?? [];
      list.push({ sk: String(i.sk), caseNo: String(i.caseNo), n: Number(i.n ?? 0) });
      links.set(String(i.pk), list);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  let written = 0;
  for (const [partition, list] of links) {
    list.sort((a, b) => a.sk.localeCompare(b.sk));
    try {
      await db.send(new PutCommand(summaryFromLinks(values.table, partition, list)));
      written += 1;
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e; // a summary that already knows more
    }
  }
  process.stdout.write(`${links.size} contacts, ${written} summaries written\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
