import { defineCommand } from 'citty';
import { commonArgs, createContext, createProgress, printSummary, reportUserErrors } from './shared.js';

export default defineCommand({
  meta: { name: 'sync', description: 'Plan, generate (within budget), download, write masko.lock.json and masko.d.ts' },
  args: { ...commonArgs, update: { type: 'boolean', description: 'Re-resolve from the API even when the lockfile matches (pick up new items and sizes)' } },
  run: reportUserErrors(async ({ args }) => {
    const started = Date.now();
    const progress = createProgress();
    try {
      const p = await createContext(args, progress).prepare();
      progress.end();
      printSummary(p, started);
    } finally {
      progress.end();
    }
  }),
});
