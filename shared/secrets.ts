/**
 * Every secret the functions read, declared once. A declaration says which configuration section needs
 * it (so which functions may read it), what a valid value looks like, how long a function reuses a value
 * before asking again, and how the stack creates it.
 *
 * Where the value comes from (shared/config.ts decides, by the environment):
 * - on a laptop and in tests, the variable named like the secret holds the value (`STAFF_ACCESS_CODE=…`);
 * - in AWS, only `<NAME>_SECRET_ARN` is in the environment and the value is read from Secrets Manager at
 *   run time, cached for `maxAgeSeconds` — so a changed value reaches every function within that time,
 *   without a redeploy, and no value is ever in a function's environment or the template.
 *
 * To add a secret: one entry here. The stack then creates it, gives each function whose catalog `needs`
 * include its section `<NAME>_SECRET_ARN` and read access to it (and to nothing else), and outputs its ARN;
 * the function reads it with `await core.secrets.get('<NAME>')` each time it uses it.
 */
import * as z from 'zod';
import { parseChatRobots } from './chat-robots.js';
import { invalid } from './config-error.js';

export interface SecretDeclaration {
  /** The configuration section whose functions read it (a key of shared/config.ts's sections). */
  section: string;
  /** What a value must look like; messages name the secret, never the value. */
  schema: z.ZodType<string, string>;
  /** Construct id of the Secrets Manager secret. It fixes the logical id: never change it. */
  id: string;
  /** Shown on the secret in the AWS console: what it is and what to do with it. */
  description: string;
  /** How long a function reuses a value it read. A rotated value is in use everywhere within this. */
  maxAgeSeconds: number;
  /** Generated at the first deploy (length, characters left out), or a placeholder the owner replaces. */
  initial: { generate: { length: number; exclude?: string } } | { placeholder: string };
  /** Why Secrets Manager does not rotate it on a schedule (the reason cdk-nag's AwsSolutions-SMG4 is acknowledged). */
  rotation: string;
  /** Kept when the stack is deleted, because data in the retained table depends on it. */
  retain?: boolean;
  /** A function may run without it (another way is configured instead). */
  optional?: boolean;
}

const serviceAccountKey = z
  .string()
  .refine((s) => s.trim() !== '{}', {
    message:
      "GOOGLE_CREDENTIALS_JSON is still the placeholder: paste the service account's JSON key into the secret",
    abort: true,
  })
  .refine(
    (s) => {
      try {
        const key = JSON.parse(s) as Record<string, unknown>;
        return (
          key.type === 'service_account' &&
          typeof key.client_email === 'string' &&
          typeof key.private_key === 'string'
        );
      } catch {
        return false;
      }
    },
    {
      message:
        'GOOGLE_CREDENTIALS_JSON must be a service account JSON key (type service_account, client_email, private_key)',
    },
  );

export const SECRETS = {
  APP_SECRET: {
    section: 'core',
    schema: z.string().min(32, 'APP_SECRET must be at least 32 characters'),
    id: 'AppSecret',
    description:
      'APP_SECRET: keys the contact hashes stored with the cases, rate limits and staff sessions. Never change it.',
    // Read once per cold start: it never changes.
    maxAgeSeconds: 3600,
    initial: { generate: { length: 48 } },
    rotation:
      'APP_SECRET keys the contact hashes stored in the retained table: a new value would unlink every returning complainant, so it is never rotated',
    retain: true,
  },
  STAFF_ACCESS_CODE: {
    section: 'http',
    schema: z.string().min(8, 'STAFF_ACCESS_CODE must be at least 8 characters'),
    id: 'StaffAccessCode',
    description:
      'STAFF_ACCESS_CODE: the code staff type on the complaint form. Change it here; every function uses the new code within 5 minutes and signs every phone out.',
    maxAgeSeconds: 300,
    initial: { generate: { length: 16, exclude: 'Il1O0o' } },
    rotation:
      'the staff access code is changed by a manager, who must tell the staff the new code; an unannounced scheduled rotation would lock every phone out',
  },
  GOOGLE_CREDENTIALS_JSON: {
    section: 'sheets',
    schema: serviceAccountKey,
    id: 'GoogleCredentials',
    description:
      "GOOGLE_CREDENTIALS_JSON: paste the Google service account's JSON key here (not needed with workload identity federation).",
    maxAgeSeconds: 300,
    initial: { placeholder: '{}' },
    rotation:
      'a Google service-account key is created and revoked in Google Cloud, not by Secrets Manager; workload identity federation avoids the key altogether',
    optional: true,
  },
  SHEET_HOOK_SECRET: {
    section: 'sheetHook',
    schema: z.string().min(32, 'SHEET_HOOK_SECRET must be at least 32 characters'),
    id: 'SheetHookSecret',
    description:
      "SHEET_HOOK_SECRET: signs the managers' sheet's on-edit pings. Copy it into the sheet's Apps Script (Script Properties, SYNC_SECRET).",
    maxAgeSeconds: 300,
    initial: { generate: { length: 48 } },
    rotation:
      'the sheet hook secret is also in the Apps Script bound to the sheet: the owner changes both together (the endpoint uses a new value within 5 minutes)',
  },
  CHAT_ROBOTS: {
    section: 'escalation',
    schema: z.string().superRefine((s, ctx) => {
      try {
        parseChatRobots(s);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    }),
    id: 'ChatRobots',
    description:
      'CHAT_ROBOTS: the group-chat robots escalation posts to, as JSON by role, e.g. {"store_supervisor":{"kind":"dingtalk","url":"https://oapi.dingtalk.com/robot/send?access_token=…","secret":"SEC…"}}. {} for none.',
    maxAgeSeconds: 300,
    initial: { placeholder: '{}' },
    rotation:
      "a robot's webhook URL and signing secret are issued by the chat app (WeCom, DingTalk, Feishu); the owner pastes new ones here, used within 5 minutes",
    optional: true,
  },
} as const satisfies Record<string, SecretDeclaration>;

export type SecretName = keyof typeof SECRETS;
export const SECRET_NAMES = Object.keys(SECRETS) as SecretName[];

/** The environment variable holding a secret's ARN in AWS. */
export const arnVariable = <N extends SecretName>(name: N): `${N}_SECRET_ARN` => `${name}_SECRET_ARN`;

/** Where a secret's value is: in the environment (local runs, tests) or in Secrets Manager (AWS). */
export type SecretSource = { from: 'environment'; value: string } | { from: 'secrets-manager'; arn: string };

const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/;

/**
 * Where each secret is in an environment (shared/config.ts passes the process's): `<NAME>` holds the
 * value, or `<NAME>_SECRET_ARN` names it in Secrets Manager. A secret with neither is absent (reading it
 * fails, naming both variables); one with both is refused, since which one wins would be a guess.
 */
export function sourcesIn(
  env: Record<string, string | undefined>,
): Partial<Record<SecretName, SecretSource>> {
  const sources: Partial<Record<SecretName, SecretSource>> = {};
  for (const name of SECRET_NAMES) {
    const { section } = SECRETS[name];
    const value = env[name];
    const arn = env[arnVariable(name)];
    if (value !== undefined && arn !== undefined) {
      throw invalid(section, `set ${name} or ${arnVariable(name)}, not both`);
    }
    if (arn !== undefined) {
      if (!SECRET_ARN.test(arn)) throw invalid(section, `${arnVariable(name)} is not a Secrets Manager ARN`);
      sources[name] = { from: 'secrets-manager', arn };
    } else if (value !== undefined) {
      sources[name] = { from: 'environment', value };
    }
  }
  return sources;
}

/** A secret's value once checked; the error names the secret and where it came from, never the value. */
export function checkSecret(name: SecretName, value: string, from: SecretSource['from']): string {
  const r = SECRETS[name].schema.safeParse(value);
  if (r.success) return r.data;
  const where = from === 'secrets-manager' ? ` (read from Secrets Manager, ${arnVariable(name)})` : '';
  throw invalid(SECRETS[name].section, `${r.error.issues.map((i) => i.message).join('; ')}${where}`);
}

/** The error for a secret an environment does not provide. */
export const missingSecret = (name: SecretName): Error =>
  invalid(
    SECRETS[name].section,
    `${name} is missing (set ${name} on a laptop; in AWS the stack sets ${arnVariable(name)})`,
  );
