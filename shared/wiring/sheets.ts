// Its own module: the Google client is large, and only the functions that use the sheet load it.
import { chooseGoogleAuth } from '../adapters/sheets/google-auth.js';
import { makeGoogleSheetGateway } from '../adapters/sheets/google-sheet-gateway.js';
import { loadSheetsConfig } from '../config.js';
import type { Core } from './core.js';

/**
 * The managers' sheet, reached with the best Google credentials configured (workload identity, else the
 * key from its secret; none for the local stand-in). Async: the key is read from Secrets Manager at cold
 * start, so a key pasted into the secret is used from the next cold start on, with no redeploy.
 */
export async function wireSheets(core: Core) {
  const config = loadSheetsConfig();
  const keyJson =
    !config.workloadIdentity && core.secrets.has('GOOGLE_CREDENTIALS_JSON')
      ? await core.secrets.get('GOOGLE_CREDENTIALS_JSON')
      : undefined;
  const auth = chooseGoogleAuth({
    ...(config.workloadIdentity ? { workloadIdentity: config.workloadIdentity } : {}),
    ...(keyJson ? { keyJson } : {}),
    standIn: config.rootUrl !== undefined,
    aws: { region: core.config.region, credentials: () => core.db.config.credentials() },
  });
  const sheet = makeGoogleSheetGateway({
    spreadsheetId: config.spreadsheetId,
    ...(config.rootUrl ? { rootUrl: config.rootUrl } : {}),
    ...(auth.kind === 'none' ? {} : { auth: auth.client }),
  });
  return { sheetsConfig: config, sheet, googleAuth: auth.kind };
}
