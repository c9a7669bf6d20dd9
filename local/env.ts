/**
 * The local runtime's settings and the environment it gives the handlers. This is the laptop's
 * equivalent of the CDK stack's function environment; real values set in the shell win.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppEnv } from '../shared/config.js';

export interface LocalSettings {
  dataDir: string;
  ports: { gateway: number; dynamodb: number; ses: number; sheets: number; webhooks: number };
  scheduler: boolean;
  clockSpeed: number;
}

const int = (v: string | undefined, fallback: number, name: string) => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number, got "${v}"`);
  return n;
};

export function localSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  const speed = env.CLOCK_SPEED ? Number(env.CLOCK_SPEED) : 1;
  if (!(speed > 0)) throw new Error(`CLOCK_SPEED must be a positive number, got "${env.CLOCK_SPEED}"`);
  return {
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    ports: {
      gateway: int(env.PORT, 3000, 'PORT'),
      dynamodb: int(env.DYNAMODB_PORT, 8000, 'DYNAMODB_PORT'),
      ses: int(env.SES_PORT, 8005, 'SES_PORT'),
      sheets: int(env.SHEETS_PORT, 8085, 'SHEETS_PORT'),
      webhooks: int(env.WEBHOOK_PORT, 8010, 'WEBHOOK_PORT'),
    },
    scheduler: (env.SCHEDULER ?? 'on') !== 'off',
    clockSpeed: speed,
  };
}

/** State the runtime keeps between starts: a generated app secret and the local spreadsheet's id. */
export interface LocalState {
  appSecret: string;
  /** Signs the grid page's on-edit pings, as the Apps Script's copy does in the cloud. */
  sheetHookSecret?: string;
  /** Signs the local DingTalk and Feishu robots' messages (the webhook stand-in checks them). */
  robotSecret?: string;
  spreadsheetId?: string;
}

export function readLocalState(dataDir: string): LocalState {
  const file = join(dataDir, 'local-state.json');
  const state: LocalState = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as LocalState)
    : { appSecret: randomBytes(32).toString('base64url') };
  if (state.sheetHookSecret && state.robotSecret && existsSync(file)) return state;
  state.sheetHookSecret ??= randomBytes(32).toString('base64url');
  state.robotSecret ??= randomBytes(24).toString('base64url');
  writeLocalState(dataDir, state);
  return state;
}

export function writeLocalState(dataDir: string, state: LocalState): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'local-state.json'), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

export const DEFAULT_STAFF_CODE = 'studio-local';

/** The local robots' tokens, one per role, each a different kind, all at the webhook stand-in. */
export const LOCAL_ROBOT_TOKENS = {
  handler: 'local-handlers',
  store_supervisor: 'local-supervisors',
  executive_manager: 'local-executives',
} as const;

/** CHAT_ROBOTS for the laptop: WeCom for handlers, DingTalk for supervisors, Feishu for executives. */
export function localChatRobots(webhooksUrl: string, secret: string): string {
  const t = LOCAL_ROBOT_TOKENS;
  return JSON.stringify({
    handler: { kind: 'wecom', url: `${webhooksUrl}/wecom/cgi-bin/webhook/send?key=${t.handler}` },
    store_supervisor: {
      kind: 'dingtalk',
      url: `${webhooksUrl}/dingtalk/robot/send?access_token=${t.store_supervisor}`,
      secret,
    },
    executive_manager: {
      kind: 'feishu',
      url: `${webhooksUrl}/feishu/open-apis/bot/v2/hook/${t.executive_manager}`,
      secret,
    },
  });
}

/** The handlers' environment on this machine: the stand-ins' addresses and local values; the shell's win. */
export function handlerEnv(
  s: LocalSettings,
  state: LocalState,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const origin = `http://127.0.0.1:${s.ports.gateway}`;
  const defaults = {
    TABLE_NAME: 'complaint-cases',
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${s.ports.dynamodb}`,
    SES_ENDPOINT: `http://127.0.0.1:${s.ports.ses}`,
    SHEETS_ROOT_URL: `http://127.0.0.1:${s.ports.sheets}/`,
    SPREADSHEET_ID: state.spreadsheetId ?? 'unset',
    APP_SECRET: state.appSecret,
    SHEET_HOOK_SECRET: state.sheetHookSecret ?? 'local-sheet-hook-secret-not-for-production',
    STAFF_ACCESS_CODE: DEFAULT_STAFF_CODE,
    FORM_ORIGIN: origin,
    PUBLIC_URL: origin,
    MAIL_FROM: 'complaints@studio.example',
    EXEC_MANAGER_EMAILS: 'exec.manager@studio.example',
    SUPERVISOR_EMAILS: 'store.supervisor@studio.example',
    SHEETS_WEB_URL: `http://127.0.0.1:${s.ports.sheets}`,
    CHAT_ROBOTS: localChatRobots(
      `http://127.0.0.1:${s.ports.webhooks}`,
      state.robotSecret ?? 'local-robot-secret',
    ),
    ...(s.clockSpeed !== 1 ? { CLOCK_SPEED: String(s.clockSpeed) } : {}),
  } satisfies AppEnv;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(defaults)) out[k] = env[k] ?? v;
  return out;
}
