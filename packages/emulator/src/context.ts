import type { JobRunner } from './generation/jobs.js';
import type { Faults } from './http/faults.js';
import type { Media } from './media/media.js';
import type { Credits } from './model/credits.js';
import type { Store } from './model/store.js';
import type { ResolvedOptions } from './options.js';
import type { WireContext } from './wire/resources.js';

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
