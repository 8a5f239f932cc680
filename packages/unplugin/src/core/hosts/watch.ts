/**
 * What is watched: the config file and the lockfile. A change to either makes a new result (the context
 * forgets its memo); in the Vite dev server it also drops the virtual modules and reloads the page.
 */
import { existsSync } from 'node:fs';
import { RESOLVED_PREFIX } from '../codegen.js';
import type { Prepared } from '../context.js';

/** Watch mode of a build (Vite build --watch, Rollup, webpack, Rspack): the files of the last `buildStart`. */
export interface BuildWatch {
  /** The files to watch for `p` (a lockfile not written yet is left out: bundlers refuse to watch a missing file). */
  files(p: Prepared): string[];
  /** Whether a changed file is one of ours. */
  isOurs(id: string): boolean;
}

export function createBuildWatch(): BuildWatch {
  let watched: string[] = [];
  return {
    files(p) {
      watched = [p.configFile, existsSync(p.options.lockfile) ? p.options.lockfile : undefined].filter((f): f is string => !!f);
      return watched;
    },
    isOurs: (id) => watched.includes(id),
  };
}

/** Vite's per-environment graph and its older mixed one: each takes back only its own node type, hence `never`. */
interface ModuleGraphLike {
  idToModuleMap: Map<string, { id: string | null }>;
  invalidateModule(mod: never): void;
}

/** The parts of Vite's dev server the watcher uses (typed locally: vite is not a dependency). */
export interface DevWatchServer {
  watcher: { add(paths: string[]): unknown; on(event: 'change', fn: (path: string) => void): unknown };
  moduleGraph: ModuleGraphLike;
  environments?: { client?: { moduleGraph: ModuleGraphLike } };
  ws: { send(payload: { type: 'full-reload' }): void };
}

/** Vite dev: when the config file or the lockfile (even one created later) changes, `onChange`, then drop our modules and reload. */
export function reloadOnChange(server: DevWatchServer, p: Prepared, onChange: () => void): void {
  const watched = [p.configFile, p.options.lockfile].filter((f): f is string => !!f);
  server.watcher.add(watched);
  server.watcher.on('change', (changed) => {
    if (!watched.includes(changed)) return;
    onChange();
    const graph = server.environments?.client?.moduleGraph ?? server.moduleGraph;
    for (const mod of [...graph.idToModuleMap.values()].filter((m) => m.id?.startsWith(RESOLVED_PREFIX))) {
      graph.invalidateModule(mod as never);
    }
    server.ws.send({ type: 'full-reload' });
  });
}
