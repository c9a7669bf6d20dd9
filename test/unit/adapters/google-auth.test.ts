/**
 * Which Google credentials the sheet functions use. Workload identity is checked down to the token the
 * function would exchange with Google: a GetCallerIdentity request signed with the function role's own
 * credentials (built offline; only the exchange itself needs Google).
 */
import { AwsClient, GoogleAuth } from 'google-auth-library';
import { describe, expect, it } from 'vitest';
import { chooseGoogleAuth } from '../../../shared/adapters/sheets/google-auth.js';

const workloadIdentity = {
  audience:
    '//iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/studio/providers/aws',
  serviceAccountImpersonationUrl:
    'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/sheets@studio.iam.gserviceaccount.com:generateAccessToken',
};
const role = {
  accessKeyId: 'ASIAROLEKEY',
  secretAccessKey: 'role-secret',
  sessionToken: 'role-session-token',
};
const aws = { region: 'ap-southeast-1', credentials: async () => role };
const keyJson = JSON.stringify({
  type: 'service_account',
  client_email: 'sheets@studio.iam.gserviceaccount.com',
  private_key: '-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----\n',
});

describe('chooseGoogleAuth', () => {
  it("prefers workload identity: the function's AWS role signs the request Google exchanges for a token", async () => {
    const auth = chooseGoogleAuth({ workloadIdentity, keyJson, standIn: false, aws });
    expect(auth.kind).toBe('workload-identity');
    if (auth.kind !== 'workload-identity') return;
    expect(auth.client).toBeInstanceOf(AwsClient);
    expect(auth.client.getServiceAccountEmail()).toBe('sheets@studio.iam.gserviceaccount.com');
    const token = JSON.parse(decodeURIComponent(await auth.client.retrieveSubjectToken())) as {
      url: string;
      method: string;
      headers: { key: string; value: string }[];
    };
    expect(token.url).toBe(
      'https://sts.ap-southeast-1.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15',
    );
    expect(token.method).toBe('POST');
    const header = (k: string) => token.headers.find((h) => h.key.toLowerCase() === k)?.value;
    expect(header('x-amz-security-token')).toBe('role-session-token');
    expect(header('authorization')).toMatch(
      /^AWS4-HMAC-SHA256 Credential=ASIAROLEKEY\/\d{8}\/ap-southeast-1\/sts\//,
    );
    expect(header('x-goog-cloud-target-resource')).toBe(workloadIdentity.audience);
  });

  it('falls back to the service account key from its secret', async () => {
    const auth = chooseGoogleAuth({ keyJson, standIn: false, aws });
    expect(auth.kind).toBe('service-account-key');
    if (auth.kind !== 'service-account-key') return;
    expect(auth.client).toBeInstanceOf(GoogleAuth);
    expect((await auth.client.getCredentials()).client_email).toBe('sheets@studio.iam.gserviceaccount.com');
  });

  it('uses none only for the local Sheets stand-in, and otherwise says what to configure', () => {
    expect(chooseGoogleAuth({ standIn: true, aws }).kind).toBe('none');
    expect(() => chooseGoogleAuth({ standIn: false, aws })).toThrow(
      /no Google credentials.*GOOGLE_WORKLOAD_IDENTITY.*GOOGLE_CREDENTIALS_JSON/,
    );
  });
});
