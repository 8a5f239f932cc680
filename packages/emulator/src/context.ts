import type { Credits } from './credits.js';
import type { Faults } from './faults.js';
import type { JobRunner } from './jobs.js';
import type { Media } from './media.js';
import type { ResolvedOptions } from './options.js';
import type { Store } from './state.js';
import type { WireContext } from './wire.js';

/** Everything a route needs, built once per emulator by `emulator.ts`. */
export interface App {
  opts: ResolvedOptions;
  store: Store;
  media: Media;
  credits: Credits;
  jobs: JobRunner;
  faults: Faults;
  wire: WireContext;
  /** Saves state to the data dir (no-op in memory). */
  persist(): void;
}

/** What a route handler gets. */
export interface RouteContext {
  app: App;
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}
