import { defineCommand } from 'citty';
import { resolve } from 'pathe';
import { writePublic } from '../public/write-public.js';
import { commonArgs, createContext, createProgress, logger, printSummary, reportUserErrors } from './shared.js';

export default defineCommand({
  meta: { name: 'sync', description: 'Plan, generate (within budget), download, write masko.lock.json and masko.d.ts' },
  args: {
    ...commonArgs,
    update: { type: 'boolean', description: 'Re-resolve from the API even when the lockfile matches (pick up new items and sizes)' },
    public: { type: 'string', description: 'Also write the media into <dir>/masko/ (the folder the app serves as-is: public, static)' },
    modules: { type: 'string', description: 'With --public: where the typed manifest modules <key>.js + <key>.d.ts go (default: src/masko)' },
    base: { type: 'string', description: 'With --public: the URL path <dir> is served at (default: /)' },
  },
  run: reportUserErrors(async ({ args }) => {
    const started = Date.now();
    const progress = createProgress();
    try {
      const ctx = createContext(args, { progress });
      const p = await ctx.prepare();
      progress.end();
      if (args.public) {
        const at = (dir: string) => resolve(p.options.root, dir);
        const out = await writePublic(
          p,
          { publicDir: at(args.public), modulesDir: at(args.modules ?? 'src/masko'), ...(args.base ? { base: args.base } : {}) },
          () => ctx.refresh(),
        );
        logger.info(`[masko] ${out.written} file(s) written to ${at(args.public)}/masko, ${out.removed} stale removed; modules: ${out.modules.join(', ')}`);
      }
      printSummary(p, started);
    } finally {
      progress.end();
    }
  }),
});
