/** Creates what the cloud stack would have created: the table, and a spreadsheet in the Sheets stand-in. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { sheets } from '@googleapis/sheets';
import { ensureTable } from '../shared/adapters/dynamodb/ensure-table.js';
import { DEFAULT_REGION } from '../shared/config.js';
import { CASES_TAB } from '../shared/sheet/columns.js';

export async function ensureLocalTable(endpoint: string, tableName: string): Promise<'created' | 'exists'> {
  const client = new DynamoDBClient({
    region: DEFAULT_REGION,
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    return await ensureTable(client, tableName);
  } finally {
    client.destroy();
  }
}

/** Returns the id of the local spreadsheet, creating it when the stand-in does not have it. */
export async function ensureLocalSpreadsheet(rootUrl: string, knownId: string | undefined): Promise<string> {
  const api = sheets({ version: 'v4', rootUrl });
  if (knownId) {
    try {
      await api.spreadsheets.get({ spreadsheetId: knownId });
      return knownId;
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e;
    }
  }
  const created = await api.spreadsheets.create({
    requestBody: {
      properties: { title: '客诉案例 Complaint cases' },
      sheets: [{ properties: { title: CASES_TAB } }],
    },
  });
  const id = created.data.spreadsheetId;
  if (!id) throw new Error('the Sheets stand-in did not return a spreadsheet id');
  return id;
}
