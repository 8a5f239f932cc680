import { defineCommand } from 'citty';
import { AssetCache } from '../core/cache.js';
import { EXT } from '../core/emit.js';
import { mascotOptionsHash, readLockfile } from '../core/lockfile.js';
import { describeEdits } from '../core/pins.js';
import { commonArgs, loadFlagOptions, logger, planFromApi, reportUserErrors } from './shared.js';

export default defineCommand({
  meta: { name: 'status', description: 'What is locked, cached, missing or stale, and what generation would cost' },
  args: commonArgs,
  run: reportUserErrors(async ({ args }) => {
    const options = await loadFlagOptions(args);
    const lock = await readLockfile(options.lockfile);
    const cache = new AssetCache(options.cacheDir);
    for (const m of options.mascots) {
      const entry = lock?.mascots[m.key];
      if (!entry) {
        logger.warn(`${m.key}: not in ${options.lockfile} (run \`masko sync\`)`);
        continue;
      }
      const files = [...Object.values(entry.poses), ...entry.transitions].flatMap((c) => c.files);
      const missing: string[] = [];
      for (const f of files) if (!(await cache.get(f.sha256, EXT[f.format]))) missing.push(f.url);
      const current = entry.optionsHash === mascotOptionsHash(m) ? 'matches the options' : 'options changed since the lock (run `masko sync`)';
      logger.info(
        `${m.key}: "${entry.name}", ${Object.keys(entry.poses).length} poses, ${entry.transitions.length} transitions, ${files.length - missing.length}/${files.length} files cached; lock ${current}`,
      );
      for (const url of missing) logger.warn(`  missing from the cache: ${url}`);
      for (const line of describeEdits(entry, m)) logger.info(`  ${line}`);
    }
    if (!options.apiKey || options.offline) return;
    for (const plan of await planFromApi({ ...options, apiKey: options.apiKey }, lock)) {
      const locked = lock?.mascots[plan.key];
      const lockedAssets = new Set(locked ? [...Object.values(locked.poses), ...locked.transitions].flatMap((c) => c.files.map((f) => f.asset)) : []);
      const remote = [...plan.poses, ...plan.transitions].flatMap((c) => c.files.map((f) => f.asset.id));
      const stale = remote.filter((id) => !lockedAssets.has(id)).length;
      logger.info(
        `${plan.key}: ${stale ? `${stale} file(s) on the API are newer than the lock (stale)` : 'lock is up to date with the API'}; `
          + `generation would cost ${plan.cost} credits${plan.generate.length ? ` (${plan.generate.map((g) => `"${g.pose}"`).join(', ')})` : ''}`,
      );
    }
  }),
});
