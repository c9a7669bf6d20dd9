export { A1ParseError, type A1Range, columnToIndex, indexToColumn, parseA1, quoteSheetName } from './a1.js';
export { type SheetsEmulator, type SheetsEmulatorOptions, startSheetsEmulator } from './server.js';
