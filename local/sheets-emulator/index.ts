export { A1ParseError, type A1Range, columnToIndex, indexToColumn, parseA1, quoteSheetName } from './a1.js';
export {
  type EditEvent,
  type FaultSpec,
  type OnEdit,
  type QuotaConfig,
  type SheetsEmulator,
  type SheetsEmulatorOptions,
  startSheetsEmulator,
} from './server.js';
export { GOOGLE_QUOTAS } from './testing.js';
