/**
 * `vite dev`: nothing is emitted. The manifest's URLs point under `<base>@masko/`, and a middleware answers
 * them from the cache (what the context prepared); the watcher reloads the page when the config or the
 * lockfile changes.
 */
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from 'masko-wire';
import type { MaskoContext } from '../context.js';
import { describeError } from '../errors.js';
import type { Logger } from '../reporting.js';
import { type DevWatchServer, reloadOnChange } from './watch.js';

/** Where dev URLs point, below Vite's `base`. */
export const DEV_PREFIX = '@masko/';

/** The parts of Vite's dev server we use (typed locally: vite is not a dependency). */
export interface DevServer extends DevWatchServer {
  middlewares: { use(fn: (req: { url?: string }, res: ServerResponse, next: () => void) => void): unknown };
}

/** Serves `@masko/<file>` from the cache and reloads on config/lockfile changes. `context()` is read per request (it is replaced when Vite's config resolves). */
export function configureDevServer(server: DevServer, context: () => MaskoContext, log: Logger): void {
  server.middlewares.use(async (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const at = path.indexOf(`/${DEV_PREFIX}`);
    if (at < 0) return next();
    const fileName = path.slice(at + DEV_PREFIX.length + 1);
    const p = await context()
      .prepare()
      .catch(() => undefined);
    const file = p?.files.find((f) => f.fileName === fileName);
    if (!file) {
      res.statusCode = 404; // ours to answer: the SPA fallback would send index.html as a "video"
      return res.end(`[masko] ${fileName} is not in the cache`);
    }
    res.setHeader('Content-Type', contentTypeOf(fileName) ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Content-Length', String(file.bytes));
    createReadStream(file.path).pipe(res);
  });
  void context()
    .prepare()
    .then(
      (p) => reloadOnChange(server, p, () => context().invalidate()),
      (error: unknown) => log.warn(describeError(error)),
    );
}
