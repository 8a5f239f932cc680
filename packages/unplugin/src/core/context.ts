/**
 * What every bundler hook and CLI command delegates to: options → sync → lockfile → manifests → d.ts.
 * The result is memoised per options + lockfile content, so watch rebuilds do not refetch anything.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { MascotManifest } from 'masko-manifest';
import { typesPackage } from '../public/types-package.js';
import type { MaskoOptions } from '../types.js';
import type { SyncClient } from './api-types.js';
import { AssetCache } from './cache.js';
import { loadClient } from './client.js';
import { type LoadedOptions, loadOptions } from './config.js';
import { renderDts } from './dts.js';
import { describeError, MaskoError } from './errors.js';
import { readTextOrUndefined, stableStringify, writeIfChanged } from './fs-utils.js';
import { commitLockfile, emptyLockfile, type Lockfile, readLockfile } from './lockfile.js';
import { type BuiltMascot, buildMascot, type OutputFile } from './manifest.js';
import { dict } from './named-record.js';
import type { ResolvedOptions } from './options.js';
import type { Logger, Progress } from './reporting.js';
import { runSync, type SyncEnv, type SyncResult } from './sync.js';
import { sweepCacheTemps, sweepSiblingTemps } from './temp-files.js';

export interface Prepared {
  options: ResolvedOptions;
  configFile: string | undefined;
  lock: Lockfile;
  mascots: Record<string, BuiltMascot>;
  /** Every file of every mascot, unique by file name, sorted. */
  files: OutputFile[];
  sync: SyncResult | undefined;
  lockChanged: boolean;
  /** Dev only: why a configured mascot is missing from `mascots` (builds throw instead). */
  problems: Record<string, string>;
}

export interface ContextOptions {
  /** `dev` warns and serves what the cache has; `build` fails with a clear message. */
  mode: 'build' | 'dev';
  logger: Logger;
  progress?: Progress;
  /** Overrides applied on top of the loaded options (CLI flags). */
  overrides?: Partial<Pick<ResolvedOptions, 'offline' | 'frozen'>>;
  /** For tests and the CLI: how to create the API client. Default: masko-client. */
  createClient?: (options: ResolvedOptions) => SyncClient;
  /** Re-resolve from the API even when the lockfile still matches the options (new items, new sizes). */
  update?: boolean;
  /** Poses pinned to new assets (a regeneration), by mascot key; they win over the lockfile's. */
  pins?: SyncEnv['pins'];
  /** The caller reads every file to emit it through `readVerified` (emit-read.ts): cache hits skip their hash here. */
  hashOnEmit?: boolean;
}

const defaultClient = (o: ResolvedOptions, logger: Logger) => loadClient({ apiKey: o.apiKey!, apiUrl: o.apiUrl, connections: o.concurrency, logger });

/** What decides a result: every option but the key, and the lockfile as it is on disk. */
async function memoKey(options: ResolvedOptions): Promise<string> {
  const { apiKey: _secret, ...visible } = options;
  return createHash('sha256')
    .update(stableStringify(visible))
    .update((await readTextOrUndefined(options.lockfile)) ?? '')
    .digest('hex');
}

/** masko.d.ts from the lock entries of the configured mascots. */
function dtsFor(options: ResolvedOptions, lock: Lockfile): string {
  const entries = options.mascots.flatMap((m) => {
    const locked = lock.mascots[m.key];
    return locked ? [[m.key, { locked, inputs: locked.canvas?.inputs.map((i) => i.name) ?? [] }] as const] : [];
  });
  return renderDts(dict(entries), typesPackage(options.root));
}

export class MaskoContext {
  #root: string | undefined;
  #loaded: Promise<LoadedOptions> | undefined;
  #memo: { key: string; value: Promise<Prepared> } | undefined;

  constructor(
    private readonly inline: MaskoOptions,
    private readonly ctx: ContextOptions,
  ) {}

  /** The host's root (Vite `root`, webpack `context`, esbuild `absWorkingDir`); resets the memo when it moves. */
  setRoot(root: string): void {
    if (root !== this.#root) this.invalidate();
    this.#root = root;
  }

  /** Forget the loaded config and the last result (the config file or the lockfile changed). */
  invalidate(): void {
    this.#loaded = undefined;
    this.#memo = undefined;
  }

  /** Forget the last result and prepare again (after a corrupt file was removed: it is fetched again). */
  refresh(): Promise<Prepared> {
    this.invalidate();
    return this.prepare();
  }

  /** Sync (when needed) and build every manifest. Memoised per options + lockfile text. */
  async prepare(): Promise<Prepared> {
    // The config file is loaded once (jiti is not free); `invalidate()` reloads it.
    const loading = (this.#loaded ??= loadOptions(this.inline, this.#root));
    loading.catch(() => {
      if (this.#loaded === loading) this.#loaded = undefined;
    });
    const loaded = await loading;
    const options = { ...loaded.options, ...this.ctx.overrides };
    const key = await memoKey(options);
    if (this.#memo?.key !== key) {
      const memo: { key: string; value: Promise<Prepared> } = { key, value: Promise.resolve(undefined as never) };
      // Re-keyed before it resolves: our own lockfile write must not look like an outside change.
      memo.value = this.#prepare(options, loaded.configFile).then(async (p) => {
        memo.key = await memoKey(options);
        return p;
      });
      memo.value.catch(() => {
        if (this.#memo === memo) this.#memo = undefined;
      });
      this.#memo = memo;
    }
    return this.#memo.value;
  }

  async #prepare(options: ResolvedOptions, configFile: string | undefined): Promise<Prepared> {
    // Created up front but lazy: a client sends nothing until asked, and offline never creates one.
    const client = options.apiKey && !options.offline ? (this.ctx.createClient?.(options) ?? (await defaultClient(options, this.ctx.logger))) : undefined;
    const cache = new AssetCache(options.cacheDir, client, { hashOnEmit: !!this.ctx.hashOnEmit });
    // Leftovers of a killed sync (downloads, atomic-write temps); a live writer's are never touched.
    await Promise.all([sweepCacheTemps(options.cacheDir), sweepSiblingTemps(options.lockfile), options.dts ? sweepSiblingTemps(options.dts) : 0]);
    try {
      let sync: SyncResult | undefined;
      let syncError: unknown;
      let lock: Lockfile;
      try {
        sync = await runSync({
          options,
          cache,
          logger: this.ctx.logger,
          ...(client ? { client: () => client! } : {}),
          ...(this.ctx.progress ? { progress: this.ctx.progress } : {}),
          ...(this.ctx.update ? { update: true } : {}),
          ...(this.ctx.pins ? { pins: this.ctx.pins } : {}),
        });
        lock = sync.lock;
      } catch (error) {
        if (this.ctx.mode !== 'dev') throw error;
        syncError = error;
        this.ctx.logger.warn(`${describeError(error)}\n  serving what the lockfile and cache have`);
        lock = (await readLockfile(options.lockfile)) ?? emptyLockfile();
      }
      const lockChanged = sync ? await commitLockfile(options.lockfile, lock, { frozen: options.frozen }) : false;
      const mascots = dict<BuiltMascot>();
      const problems = dict<string>();
      for (const m of options.mascots) {
        const locked = lock.mascots[m.key];
        try {
          // In dev the overlay shows this: give the real cause (a missing key, an unreachable API), not only its effect.
          if (!locked) {
            throw syncError
              ? new MaskoError(
                  'not_locked',
                  `mascot "${m.key}" is not in the lockfile, because the sync failed: ${describeError(syncError).replace(/^\[masko\] /, '')}`,
                )
              : new MaskoError('not_locked', `mascot "${m.key}" is not in the lockfile`, 'Run `masko sync`.');
          }
          mascots[m.key] = await buildMascot(m, locked, cache, options.offline || !client);
        } catch (error) {
          if (this.ctx.mode !== 'dev') throw error;
          problems[m.key] = describeError(error);
          this.ctx.logger.warn(`${problems[m.key]} (mascot "${m.key}" left out)`);
        }
      }
      if (options.dts) await writeIfChanged(options.dts, dtsFor(options, lock));
      const unique = new Map(
        Object.values(mascots)
          .flatMap((b) => b.files)
          .map((f) => [f.fileName, f]),
      );
      const files = [...unique.values()].sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
      return { options, configFile: configFile && existsSync(configFile) ? configFile : undefined, lock, mascots, files, sync, lockChanged, problems };
    } finally {
      await client?.close();
    }
  }

  /** Manifests keyed by mascot (after `prepare`). */
  static manifests(p: Prepared): Record<string, MascotManifest> {
    return dict(Object.entries(p.mascots).map(([k, b]) => [k, b.manifest]));
  }
}
