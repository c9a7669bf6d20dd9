/**
 * Runs the Sheets API v4 emulator:
 *   npx tsx local/sheets-emulator/cli.ts --port 8085 --data .data/sheets.json [--host 127.0.0.1]
 * Point Google's client at the printed URL: sheets({ version: 'v4', rootUrl: URL }).
 */
import { parseArgs } from 'node:util';
import { startSheetsEmulator } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8085' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port: ${values.port}`);
  process.exit(2);
}

const emulator = await startSheetsEmulator({ port, host: values.host, dataFile: values.data });
console.log(
  `Sheets emulator listening on ${emulator.url}${values.data ? ` (data: ${values.data})` : ' (in memory)'}`,
);

const stop = () => {
  void emulator.close().finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
