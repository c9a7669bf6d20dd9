import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SDK_CLIENT_LIMITS } from '../aws-client.js';

/**
 * Built once per cold start and passed to every adapter that needs it. `limits: null` leaves the SDK's
 * own (none): only for tools that mean to wait, like the bench's full-table scan.
 */
export function makeDocumentClient(opts: {
  region: string;
  endpoint?: string;
  limits?: typeof SDK_CLIENT_LIMITS | null;
}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: opts.region,
    ...(opts.limits === null ? {} : (opts.limits ?? SDK_CLIENT_LIMITS)),
    ...(opts.endpoint
      ? // DynamoDB Local accepts any credentials; fixed ones keep a developer's real keys out of it.
        { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}
