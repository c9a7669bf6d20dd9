/**
 * What the sheet's on-edit script sends: which cells changed and who changed them, never the data (the
 * endpoint reads the rows itself). Apps Script's edit event gives the range; a paste spans several rows.
 */
import * as z from 'zod';
import { listIssues, parseFields } from '../domain/fields.js';

const schema = z.object({
  spreadsheetId: z.string().min(1).max(200),
  sheetName: z.string().min(1).max(200),
  row: z.number().int().min(1).max(10_000_000),
  numRows: z.number().int().min(1).max(100_000).default(1),
  user: z.string().max(254).optional(),
});

export type EditPing = z.output<typeof schema>;

export const parseEditPing = (input: unknown): EditPing =>
  parseFields(schema, input, (issues) => `Invalid edit ping: ${listIssues(issues)}`);
