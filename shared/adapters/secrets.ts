/**
 * Secrets from where the configuration says they are: the environment (local runs, tests), or AWS
 * Secrets Manager through Powertools Parameters, which caches each value for the secret's max age.
 */
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Secrets } from '../ports/secrets.js';
import {
  arnVariable,
  checkSecret,
  missingSecret,
  SECRETS,
  type SecretName,
  type SecretSource,
} from '../secrets.js';
import { SDK_CLIENT_LIMITS } from './aws-client.js';

export function makeSecretsManagerClient(opts: { region: string; endpoint?: string }): SecretsManagerClient {
  return new SecretsManagerClient({
    region: opts.region,
    ...SDK_CLIENT_LIMITS,
    ...(opts.endpoint
      ? { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}

export function makeSecrets(opts: {
  sources: Partial<Record<SecretName, SecretSource>>;
  /** Built on first use, so runs that read every secret from the environment never make one. */
  client: () => SecretsManagerClient;
}): Secrets<SecretName> {
  let provider: SecretsProvider | undefined;
  const fetch = (arn: string, maxAge: number) => {
    provider ??= new SecretsProvider({ awsSdkV3Client: opts.client() });
    return provider.get(arn, { maxAge });
  };
  return {
    has: (name) => opts.sources[name] !== undefined,
    async get(name) {
      const source = opts.sources[name];
      if (!source) throw missingSecret(name);
      if (source.from === 'environment') return checkSecret(name, source.value, source.from);
      const value = await fetch(source.arn, SECRETS[name].maxAgeSeconds).catch((e: unknown) => {
        throw new Error(`${name} could not be read from Secrets Manager (${arnVariable(name)})`, {
          cause: e,
        });
      });
      // A binary secret, or none at all: say which one, as for a malformed value.
      return checkSecret(name, typeof value === 'string' ? value : '', source.from);
    },
  };
}
