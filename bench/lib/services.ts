/** The bench's own DynamoDB Local and SES stand-in, on free ports, stopped when the run ends (as test/global-setup.ts does). */
import { randomBytes } from 'node:crypto';
import { ensureLocalTable } from '../../local/resources.js';
import { freePort, type Service, startDynamoDbLocal, startSesLocal } from '../../local/services.js';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.js';
import { DEFAULT_REGION } from '../../shared/config.js';
import type { BenchContext } from '../types.js';

export interface BenchServices {
  dynamo?: NonNullable<BenchContext['dynamo']>;
  sesUrl?: string;
  close(): Promise<void>;
}

export async function startServices(needs: ReadonlySet<'dynamodb' | 'ses'>): Promise<BenchServices> {
  const started: Service[] = [];
  const close = async () => {
    await Promise.all(started.map((s) => s.close()));
  };
  try {
    const [dynamo, ses] = await Promise.all([
      needs.has('dynamodb') ? freePort().then((port) => startDynamoDbLocal({ port })) : undefined,
      needs.has('ses') ? startSesLocal({ port: 0 }) : undefined,
    ]);
    for (const s of [dynamo, ses]) if (s) started.push(s);
    return {
      ...(dynamo
        ? {
            dynamo: {
              endpoint: dynamo.url,
              async newTable(prefix) {
                const name = `bench-${prefix}-${randomBytes(3).toString('hex')}`;
                await ensureLocalTable(dynamo.url, name);
                return name;
              },
              // No SDK time limits: a full scan's 1 MB page takes seconds on DynamoDB Local.
              client: () =>
                makeDocumentClient({ region: DEFAULT_REGION, endpoint: dynamo.url, limits: null }),
            },
          }
        : {}),
      ...(ses ? { sesUrl: ses.url } : {}),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
