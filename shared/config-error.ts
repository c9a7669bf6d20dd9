/** The one form of a configuration error: the section, then what is missing or wrong, by variable name. */
export const invalid = (section: string, problem: string): Error =>
  new Error(`Configuration (${section}) is invalid: ${problem}`);
