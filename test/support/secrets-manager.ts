/**
 * A Secrets Manager stand-in for tests of the AWS path: GetSecretValue over AWS's JSON protocol, which the
 * real SDK client (and Powertools on top of it) talks to through `endpoint`. Values can be changed
 * (rotation), and each read is counted, so a test sees what the cache saved.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecretsManagerStandIn {
  url: string;
  /** Sets (or rotates) a secret's value. */
  put(arn: string, value: string): void;
  /** How many times a secret was read. */
  reads(arn: string): number;
  close(): Promise<void>;
}

export const secretArn = (name: string) =>
  `arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:${name}-AbCdEf`;

export async function startSecretsManagerStandIn(): Promise<SecretsManagerStandIn> {
  const values = new Map<string, { value: string; version: number }>();
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(json));
      };
      if (req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') {
        return answer(400, { __type: 'InvalidRequestException', message: 'only GetSecretValue' });
      }
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      counts.set(SecretId, (counts.get(SecretId) ?? 0) + 1);
      const stored = values.get(SecretId);
      if (!stored) return answer(400, { __type: 'ResourceNotFoundException', message: 'no such secret' });
      answer(200, {
        ARN: SecretId,
        Name: SecretId.split(':').at(-1),
        SecretString: stored.value,
        VersionId: `v${stored.version}`,
        VersionStages: ['AWSCURRENT'],
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    put: (arn, value) => values.set(arn, { value, version: (values.get(arn)?.version ?? 0) + 1 }),
    reads: (arn) => counts.get(arn) ?? 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
