/**
 * The shared Google Sheet that managers work in, one tab per table. Rows are arrays of cell texts
 * in header order; row numbers are 1-based sheet rows (row 1 is the header, data starts at row 2).
 * Implementations must store every value as plain text: nothing a customer typed may ever become a
 * formula.
 */
export interface SheetGateway {
  /** Creates the tab if missing, writes `header` into row 1 if it differs, freezes row 1. Idempotent. */
  ensureTab(title: string, header: string[]): Promise<void>;
  /**
   * Every row after the header, cells as strings (unformatted values: numbers without number
   * formatting, TRUE/FALSE for booleans, dates as the sheet shows them), each padded with '' to the
   * header's width. Blank rows in the middle are kept (as
   * all-'' rows) so index i is sheet row i + 2; trailing blank rows are not returned.
   */
  readRows(tab: string): Promise<string[][]>;
  /**
   * Overwrites rows starting at sheet row `startRow` (1-based), from column A. Cells to the right of
   * a shorter row are left as they are, so pad rows to the header width to replace whole rows.
   */
  writeRows(tab: string, startRow: number, rows: string[][]): Promise<void>;
  /**
   * Inserts rows below the table that starts at the header. As in Google Sheets, the table ends at
   * the first fully blank row, so rows are inserted into such a gap rather than after later rows.
   */
  appendRows(tab: string, rows: string[][]): Promise<void>;
}
