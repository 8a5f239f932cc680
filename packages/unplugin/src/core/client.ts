/** The one place that creates the real API client (masko-client), typed to what the sync engine uses. */
import type { SyncClient } from './wire.js';

export interface ClientFactoryOptions { apiKey: string; apiUrl: string; logger?: { debug?(m: string): void; warn?(m: string): void } }

export async function loadClient(o: ClientFactoryOptions): Promise<SyncClient> {
  const mod = (await import('masko-client')) as unknown as { createMaskoClient(o: ClientFactoryOptions): SyncClient };
  return mod.createMaskoClient(o);
}
