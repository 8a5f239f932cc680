/** `masko generate --regenerate <pose>`: price, budget, ask (or --yes), post once, re-lock the mascot with the new assets. */
import { describeBudget } from '../core/budget.js';
import { loadClient } from '../core/client.js';
import { MaskoError } from '../core/errors.js';
import { readLockfile } from '../core/lockfile.js';
import { checkBudget, regenerationFor, runRegeneration } from '../core/regenerate.js';
import { type CommonFlags, createContext, loadFlagOptions, logger, printSummary } from './shared.js';

export async function regenerateCommand(spec: string, flags: CommonFlags & { yes?: boolean }): Promise<void> {
  const started = Date.now();
  const options = await loadFlagOptions(flags);
  const target = regenerationFor(options, await readLockfile(options.lockfile), spec);
  logger.info(
    `[masko] regenerate ${target.mascot.key}/"${target.pose}" (${target.body.type}, ${target.cost} credit${target.cost === 1 ? '' : 's'}; ${describeBudget(options)}): Masko keeps the old assets, masko.lock.json will pin the new ones`,
  );
  checkBudget(options, target.cost);
  if (!flags.yes) {
    if (!process.stdin.isTTY)
      throw new MaskoError(
        'not_confirmed',
        `spending ${target.cost} credit(s) needs a yes, and there is no terminal to ask; nothing was spent`,
        'Pass --yes to confirm.',
      );
    if ((await logger.prompt(`Spend ${target.cost} credit(s)?`, { type: 'confirm', initial: false })) !== true) {
      logger.info('[masko] not confirmed; nothing was spent');
      return;
    }
  }
  if (!options.apiKey) throw new MaskoError('no_api_key', 'no API key: set MASKO_API_KEY (or the apiKey option) to regenerate');
  const client = await loadClient({ apiKey: options.apiKey, apiUrl: options.apiUrl });
  let spent: number;
  let pin;
  try {
    ({ pin, spent } = await runRegeneration(client, target));
  } finally {
    await client.close();
  }
  const p = await createContext({ ...flags, update: true }, { pins: { [target.mascot.key]: new Map([[target.pose, pin]]) } }).prepare();
  logger.info(`[masko] regenerated ${target.mascot.key}/"${target.pose}": spent ${spent} credit(s); pinned asset ${pin.png}`);
  printSummary(p, started);
}
