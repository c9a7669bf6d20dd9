/** Construct ids from catalog names ('submit-complaint' → 'SubmitComplaint'); they fix the logical ids. */
export const pascal = (name: string): string =>
  name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
