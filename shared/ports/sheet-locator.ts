/** Where the managers' sheet is, as the last sheet sync saw it: messages link to the case's tab there. */
export interface SheetLocation {
  spreadsheetId: string;
  /** The Cases tab's id (the `gid` in its address); unknown until a sync has seen the tab. */
  casesSheetId?: number;
}

export interface SheetLocator {
  /** undefined until the sheet sync has run once. */
  locate(): Promise<SheetLocation | undefined>;
}
