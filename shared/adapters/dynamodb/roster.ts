/** The roster: one item, rewritten whole by each sheet sync (a studio's staff list is small). */
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Roster } from '../../domain/roster.js';
import type { RosterStore } from '../../ports/roster-store.js';
import { ITEM_TYPE, stripKeys } from './items.js';

const rosterKey = { pk: 'ROSTER', sk: 'ROSTER' } as const;

export function makeDynamoRosterStore(db: DynamoDBDocumentClient, tableName: string): RosterStore {
  return {
    async get() {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: rosterKey }));
      return out.Item ? stripKeys<Roster>(out.Item) : undefined;
    },
    async put(roster) {
      await db.send(
        new PutCommand({ TableName: tableName, Item: { ...rosterKey, type: ITEM_TYPE.roster, ...roster } }),
      );
    },
  };
}
