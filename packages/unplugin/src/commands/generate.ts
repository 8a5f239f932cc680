import { defineCommand } from 'citty';
import { budgetRefusal, describeBudget } from '../core/budget.js';
import { readLockfile } from '../core/lockfile.js';
import { commonArgs, createContext, createProgress, loadFlagOptions, logger, planFromApi, printSummary, reportUserErrors } from './shared.js';

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
      const p = await createContext(args, { progress: createProgress() }).prepare();
      printSummary(p, started);
      return;
    }
    // The dry run prices what the planner would generate for every mascot, and reports instead of refusing.
    const options = await loadFlagOptions(args);
    if (!options.apiKey) throw new Error('[masko] generate --dry-run needs MASKO_API_KEY to list the collections');
    const plans = await planFromApi({ ...options, apiKey: options.apiKey }, await readLockfile(options.lockfile));
    for (const plan of plans) {
      for (const g of plan.generate) logger.info(`would generate ${plan.key}/"${g.pose}" (${g.body.type}) for ${g.cost} credits`);
      for (const name of plan.unavailable) logger.warn(`${plan.key}/"${name}" is missing and has no prompt to generate it`);
    }
    const cost = plans.reduce((n, p) => n + p.cost, 0);
    const verdict = cost ? (budgetRefusal(options, cost) ? ', would fail' : ', fits') : '';
    logger.info(
      `dry run: ${plans.reduce((n, p) => n + p.generate.length, 0)} generation(s), total ${cost} credits (${describeBudget(options)}${verdict}); nothing was spent`,
    );
  }),
});
