/** DynamoDB helpers for the benches: counting what a client reads, bulk seeding, counting round trips on the wire. */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface ReadStats {
  /** Requests by operation, e.g. { QueryCommand: 10 }. */
  calls: Record<string, number>;
  /** Items DynamoDB evaluated (ScannedCount): what a read costs, before any filter. */
  itemsRead: number;
  reset(): void;
  total(): number;
}

/** Counts every request the client sends and the items each Query or Scan read. */
export function countReads(db: DynamoDBDocumentClient): ReadStats {
  const stats: ReadStats = {
    calls: {},
    itemsRead: 0,
    reset() {
      stats.calls = {};
      stats.itemsRead = 0;
    },
    total: () => Object.values(stats.calls).reduce((a, b) => a + b, 0),
  };
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const name = context.commandName ?? 'unknown';
      stats.calls[name] = (stats.calls[name] ?? 0) + 1;
      const scanned = (out.output as { ScannedCount?: number }).ScannedCount;
      if (typeof scanned === 'number') stats.itemsRead += scanned;
      return out;
    },
    { step: 'initialize', name: 'benchCountReads' },
  );
  return stats;
}

const TARGET_PREFIX = 'DynamoDB_20120810.';

/**
 * Counts DynamoDB requests leaving this process on the wire (node:http's diagnostics channel), by
 * operation. It sees clients the bench cannot reach, such as the one a handler builds at cold start.
 */
export function countRoundTrips() {
  const counts: Record<string, number> = {};
  const onStart = (message: unknown) => {
    const target = (message as { request: { getHeader(n: string): unknown } }).request.getHeader(
      'x-amz-target',
    );
    if (typeof target === 'string' && target.startsWith(TARGET_PREFIX)) {
      const op = target.slice(TARGET_PREFIX.length);
      counts[op] = (counts[op] ?? 0) + 1;
    }
  };
  subscribe('http.client.request.start', onStart);
  return {
    counts: () => ({ ...counts }),
    reset: () => {
      for (const k of Object.keys(counts)) delete counts[k];
    },
    close: () => unsubscribe('http.client.request.start', onStart),
  };
}

/**
 * Writes items with BatchWriteItem (25 a request), `parallel` requests in flight, retrying what
 * DynamoDB hands back unprocessed. `items` may be a generator, so 100,000 items never sit in memory.
 */
export async function batchPut(
  db: DynamoDBDocumentClient,
  tableName: string,
  items: Iterable<Record<string, unknown>>,
  opts: { parallel: number; onProgress?: (written: number) => void },
): Promise<number> {
  const source = items[Symbol.iterator]();
  let written = 0;
  const nextChunk = () => {
    const chunk: Record<string, unknown>[] = [];
    for (let r = source.next(); !r.done; r = source.next()) {
      chunk.push(r.value);
      if (chunk.length === 25) break;
    }
    return chunk;
  };
  const worker = async () => {
    for (let chunk = nextChunk(); chunk.length; chunk = nextChunk()) {
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length; attempt += 1) {
        if (attempt > 8) throw new Error(`BatchWriteItem left ${requests.length} items unprocessed`);
        const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
        requests = (out.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
      written += chunk.length;
      opts.onProgress?.(written);
    }
  };
  await Promise.all(Array.from({ length: opts.parallel }, worker));
  return written;
}
