/** The customer's status lookup request: a case number and the last digits of their phone. */
import * as z from 'zod';
import { languageField, parseFields } from './fields.js';

const statusLookupSchema = z.strictObject({
  caseNo: z.string().trim().min(1, 'required').max(20, 'invalid'),
  last4: z.string().trim().min(1, 'required').max(8, 'invalid'),
  language: languageField,
});

export type StatusLookup = z.output<typeof statusLookupSchema>;

export const parseStatusLookup = (input: unknown): StatusLookup =>
  parseFields(statusLookupSchema, input, () => 'Enter the case number and the last 4 digits of the phone');
