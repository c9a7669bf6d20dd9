/**
 * The customer's status lookup request: a case number and either the last digits of their phone or the
 * key from their case's own link (complainants who gave only an email have no digits).
 */
import * as z from 'zod';
import { languageField, parseFields } from './fields.js';

const statusLookupSchema = z
  .strictObject({
    caseNo: z.string().trim().min(1, 'required').max(20, 'invalid'),
    last4: z.string().trim().max(8, 'invalid').optional(),
    key: z.string().trim().max(64, 'invalid').optional(),
    language: languageField,
  })
  .refine((v) => !!(v.last4 || v.key), { path: ['last4'], message: 'required' });

export type StatusLookup = z.output<typeof statusLookupSchema>;

export const parseStatusLookup = (input: unknown): StatusLookup =>
  parseFields(statusLookupSchema, input, () => 'Enter the case number and the last 4 digits of the phone');
