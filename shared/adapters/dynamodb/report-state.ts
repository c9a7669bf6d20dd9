/** The reports' memory: one small item per report, the latest period it was made for. */
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportStateStore } from '../../ports/report-state.js';
import { conditionalWrite, ITEM_TYPE } from './items.js';

const stateKey = (report: string) => ({ pk: `REPORT#${report}`, sk: 'STATE' });

export function makeDynamoReportState(db: DynamoDBDocumentClient, tableName: string): ReportStateStore {
  return {
    async lastDone(report) {
      const out = await db.send(
        new GetCommand({ TableName: tableName, Key: stateKey(report), ConsistentRead: true }),
      );
      return typeof out.Item?.lastDone === 'string' ? out.Item.lastDone : undefined;
    },
    async markDone(report, period, at) {
      // Refused: a later period is already recorded.
      await conditionalWrite(
        db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: stateKey(report),
            UpdateExpression: 'SET lastDone = :p, #type = :type, updatedAt = :at',
            // Periods compare as text ('2026-11-20' < '2026-11-21', '2026-10' < '2026-11').
            ConditionExpression: 'attribute_not_exists(lastDone) OR lastDone < :p',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: {
              ':p': period,
              ':type': ITEM_TYPE.reportState,
              ':at': at.toISOString(),
            },
          }),
        ),
      );
    },
  };
}
