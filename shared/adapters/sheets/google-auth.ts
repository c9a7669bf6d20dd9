/**
 * Which Google credentials the sheet functions use, best first:
 * 1. workload identity federation: the function's own AWS role is exchanged for a short-lived Google
 *    token acting as the service account, so no Google key exists anywhere;
 * 2. the service account's JSON key, read from its secret;
 * 3. none, for the local Sheets stand-in only (it ignores auth).
 */
import { AwsClient, GoogleAuth } from 'google-auth-library';
import type { WorkloadIdentity } from '../../config.js';

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

/** What AWS's SDK gives for the function's role (Lambda puts its role's session in the environment). */
export interface AwsRoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsIdentity {
  region: string;
  /** The role's current credentials; the SDK's provider caches and refreshes them. */
  credentials: () => Promise<AwsRoleCredentials>;
}

export type GoogleAuthChoice =
  | { kind: 'workload-identity'; client: AwsClient }
  | { kind: 'service-account-key'; client: GoogleAuth }
  | { kind: 'none' };

export function chooseGoogleAuth(opts: {
  workloadIdentity?: WorkloadIdentity;
  /** The key JSON, already read from its secret and checked. */
  keyJson?: string;
  /** The Sheets stand-in is the target (local runs and tests). */
  standIn: boolean;
  aws: AwsIdentity;
}): GoogleAuthChoice {
  if (opts.workloadIdentity) {
    return { kind: 'workload-identity', client: workloadIdentityClient(opts.workloadIdentity, opts.aws) };
  }
  if (opts.keyJson) {
    const client = new GoogleAuth({
      credentials: JSON.parse(opts.keyJson) as Record<string, string>,
      scopes: [SHEETS_SCOPE],
    });
    return { kind: 'service-account-key', client };
  }
  if (opts.standIn) return { kind: 'none' };
  throw new Error(
    'Configuration (sheets) is invalid: no Google credentials. Give GOOGLE_WORKLOAD_IDENTITY ' +
      '(workload identity federation) or the GOOGLE_CREDENTIALS_JSON secret (a service account key)',
  );
}

function workloadIdentityClient(wif: WorkloadIdentity, aws: AwsIdentity): AwsClient {
  return new AwsClient({
    type: 'external_account',
    audience: wif.audience,
    subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request',
    service_account_impersonation_url: wif.serviceAccountImpersonationUrl,
    ...(wif.tokenUrl ? { token_url: wif.tokenUrl } : {}),
    scopes: [SHEETS_SCOPE],
    // The role's credentials come from the AWS SDK, not from EC2 metadata (a Lambda has none).
    aws_security_credentials_supplier: {
      getAwsRegion: async () => aws.region,
      getAwsSecurityCredentials: async () => {
        const c = await aws.credentials();
        return {
          accessKeyId: c.accessKeyId,
          secretAccessKey: c.secretAccessKey,
          ...(c.sessionToken ? { token: c.sessionToken } : {}),
        };
      },
    },
  });
}
