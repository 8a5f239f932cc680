import { defineCommand } from 'citty';
import { loadClient } from '../core/client.js';
import { loadOptions } from '../core/config.js';
import { readLockfile } from '../core/lockfile.js';
import { pinsFromLock } from '../core/pins.js';
import { planAll } from '../core/sync.js';
import { commonArgs, createContext, createProgress, logger, printSummary, reportUserErrors } from './shared.js';

export default defineCommand({
  meta: { name: 'generate', description: 'Generate the declared poses the collection lacks (within generate.maxCredits)' },
  args: {
    ...commonArgs,
    'dry-run': { type: 'boolean', description: 'Print the plan and its cost; spend nothing' },
    regenerate: { type: 'string', description: 'Regenerate a locked still pose (`<pose>` or `<mascot>/<pose>`): 1 credit, asks first; pins the new assets' },
    yes: { type: 'boolean', description: 'With --regenerate: confirm the spend without asking' },
  },
  run: reportUserErrors(async ({ args }) => {
    const started = Date.now();
    if (args.regenerate) return (await import('./regenerate.js')).regenerateCommand(args.regenerate, args);
    if (!args['dry-run']) {
      const p = await createContext(args, createProgress()).prepare();
      printSummary(p, started);
      return;
    }
    const { options } = await loadOptions({ ...(args.root ? { root: args.root } : {}), ...(args.config ? { configFile: args.config } : {}) });
    if (!options.apiKey) throw new Error('[masko] generate --dry-run needs MASKO_API_KEY to list the collections');
    const client = await loadClient({ apiKey: options.apiKey, apiUrl: options.apiUrl });
    try {
      const lock = await readLockfile(options.lockfile);
      const plans = await planAll(client, options.mascots, undefined, (m) => pinsFromLock(lock?.mascots[m.key], m));
      for (const plan of plans) {
        for (const g of plan.generate) logger.info(`would generate ${plan.key}/"${g.pose}" (${g.body.type}) for ${g.cost} credits`);
        for (const name of plan.unavailable) logger.warn(`${plan.key}/"${name}" is missing and has no prompt to generate it`);
      }
      const cost = plans.reduce((n, p) => n + p.cost, 0);
      const budget = options.generate === false ? 'generation is off' : `budget ${options.generate.maxCredits}`;
      const fits = options.generate !== false && cost <= options.generate.maxCredits;
      logger.info(
        `dry run: ${plans.reduce((n, p) => n + p.generate.length, 0)} generation(s), total ${cost} credits (${budget}${cost ? (fits ? ', fits' : ', would fail') : ''}); nothing was spent`,
      );
    } finally {
      await client.close();
    }
  }),
});
