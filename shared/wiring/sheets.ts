// Its own module: the Google client is large, and only the functions that use the sheet load it.
import { googleAuthFromJson } from '../adapters/sheets/google-auth.js';
import { makeGoogleSheetGateway } from '../adapters/sheets/google-sheet-gateway.js';
import { loadSheetsConfig } from '../config.js';

export function wireSheets() {
  const config = loadSheetsConfig();
  const sheet = makeGoogleSheetGateway({
    spreadsheetId: config.spreadsheetId,
    ...(config.rootUrl ? { rootUrl: config.rootUrl } : {}),
    ...(config.credentialsJson ? { auth: googleAuthFromJson(config.credentialsJson) } : {}),
  });
  return { sheetsConfig: config, sheet };
}
