/** What every API handler is given: the store, the emulator's clock, and its base URL. */
import type { Store } from './store.js';

export interface Ctx {
  store: Store;
  /** Milliseconds since the epoch, from the emulator's injectable clock. */
  now(): number;
  baseUrl: string;
}
