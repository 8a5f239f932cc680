/** The one place that creates the real API client (masko-client), typed to what the sync engine uses. */
import type { SyncClient } from './api-types.js';

export interface ClientFactoryOptions {
  apiKey: string;
  apiUrl: string;
  connections?: number;
  logger?: { debug?(m: string): void; warn?(m: string): void };
}

export async function loadClient(o: ClientFactoryOptions): Promise<SyncClient> {
  const { createMaskoClient } = await import('masko-client');
  // `connections` is the client's sockets per origin: without it, any `concurrency` above its default queues.
  // Assigned without a cast: tsc checks masko-client's real types against what the sync engine reads.
  const client: SyncClient = createMaskoClient(o);
  return client;
}
