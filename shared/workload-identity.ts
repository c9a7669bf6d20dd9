/**
 * Google workload identity federation settings (GOOGLE_WORKLOAD_IDENTITY): the credential configuration
 * `gcloud iam workload-identity-pools create-cred-config … --aws` writes. Only the pool provider (the
 * audience) and the service account to impersonate are used: the AWS credentials are the function's
 * own role, so `credential_source` is ignored. Nothing in it is secret.
 */
import * as z from 'zod';
import { invalid } from './config-error.js';

export interface WorkloadIdentity {
  audience: string;
  serviceAccountImpersonationUrl: string;
  tokenUrl?: string;
}

const credentialConfiguration = z.looseObject({
  type: z.literal('external_account').optional(),
  audience: z
    .string()
    .regex(
      /^\/\/iam\.googleapis\.com\/projects\/\d+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/,
      'must be //iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>',
    ),
  subject_token_type: z.literal('urn:ietf:params:aws:token-type:aws4_request').optional(),
  service_account_impersonation_url: z
    .string()
    .regex(
      /^https:\/\/iamcredentials\.googleapis\.com\/v1\/projects\/-\/serviceAccounts\/[^/]+@[^/]+:generateAccessToken$/,
      'must name the service account the sheet is shared with (create-cred-config --service-account)',
    ),
  token_url: z.url().optional(),
});

export function parseWorkloadIdentity(json: string): WorkloadIdentity {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw invalid('sheets', 'GOOGLE_WORKLOAD_IDENTITY is not JSON (give the credential configuration file)');
  }
  const r = credentialConfiguration.safeParse(parsed);
  if (!r.success) {
    const problems = r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`);
    throw invalid('sheets', `GOOGLE_WORKLOAD_IDENTITY: ${problems.join('; ')}`);
  }
  return {
    audience: r.data.audience,
    serviceAccountImpersonationUrl: r.data.service_account_impersonation_url,
    ...(r.data.token_url ? { tokenUrl: r.data.token_url } : {}),
  };
}
