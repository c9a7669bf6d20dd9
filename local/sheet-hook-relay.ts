/**
 * Locally, an edit in the Sheets stand-in's grid page reaches POST /sheet-hook as the Apps Script's
 * ping would (sheet/apps-script/Code.gs): the same body, signed with the same secret and a timestamp
 * from the handlers' clock.
 */
import { SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from '../shared/http/signed-body.js';
import type { Clock } from '../shared/ports/clock.js';
import type { EditEvent } from './sheets-emulator/index.js';

export function sheetHookRelay(opts: {
  /** The gateway's /sheet-hook URL; undefined until the gateway is up. */
  url: () => string | undefined;
  secret: string;
  clock: () => Clock;
  log?: (message: string) => void;
}) {
  return async (e: EditEvent): Promise<void> => {
    const url = opts.url();
    if (!url) return;
    const body = JSON.stringify({
      spreadsheetId: e.spreadsheetId,
      sheetName: e.sheetName,
      row: e.row,
      numRows: 1,
      user: e.user.email,
    });
    const timestamp = String(opts.clock().now().getTime());
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signBody(opts.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok && res.status !== 202) opts.log?.(`[sheet-hook] ${res.status} ${await res.text()}`);
    } catch (err) {
      opts.log?.(`[sheet-hook] ${(err as Error).message}`);
    }
  };
}
