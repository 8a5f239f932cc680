/**
 * The generation budget (`generate: false | { maxCredits }`) in one place: how it reads in messages and
 * whether a cost fits it. Every path that could spend credits (sync, regenerate) and the dry run that
 * prices them ask here.
 */
import type { ResolvedOptions } from './options.js';

/** `generation is off` or `budget N credits`. */
export function describeBudget(options: Pick<ResolvedOptions, 'generate'>): string {
  return options.generate === false ? 'generation is off' : `budget ${options.generate.maxCredits} credits`;
}

export type BudgetRefusal = { code: 'generation_disabled' } | { code: 'over_budget'; maxCredits: number };

/** Why `cost` credits may not be spent (generation off, or above `maxCredits`); undefined when it fits. */
export function budgetRefusal(options: Pick<ResolvedOptions, 'generate'>, cost: number): BudgetRefusal | undefined {
  if (options.generate === false) return { code: 'generation_disabled' };
  const { maxCredits } = options.generate;
  return cost > maxCredits ? { code: 'over_budget', maxCredits } : undefined;
}
