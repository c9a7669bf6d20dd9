/**
 * What the sheet's menu item sends (signed like the edit pings): which case, and who asks — the file goes
 * to that manager's roster address. And what an operator's direct invocation names: the case alone.
 */
import * as z from 'zod';
import { listIssues, parseFields } from '../domain/fields.js';

const caseNo = z
  .string()
  .trim()
  .regex(/^\d{6}-\d{3,}$/, 'a case number such as 261120-007');

const request = z.object({
  spreadsheetId: z.string().min(1).max(200),
  caseNo,
  user: z.string().trim().min(3).max(254),
});
export type CaseFileRequest = z.output<typeof request>;

export const parseCaseFileRequest = (input: unknown): CaseFileRequest =>
  parseFields(request, input, (issues) => `Invalid case file request: ${listIssues(issues)}`);

export const parseCaseFileEvent = (input: unknown): { caseNo: string } =>
  parseFields(z.object({ caseNo }), input, (issues) => `Invalid case-file event: ${listIssues(issues)}`);
