/**
 * `masko generate --regenerate <pose>`: never implicit. Prices the regeneration (1 credit: Masko's image
 * regenerate, or the pose's edit made again), checks it against the budget, asks, posts once (a lost
 * answer is found, not posted again: masko-client), waits for the job and returns the pin of the new
 * assets — the caller re-locks the mascot with it. Masko keeps the old assets; only the lockfile moves.
 */

import type { GenerateBody, SyncClient } from './api-types.js';
import { budgetRefusal } from './budget.js';
import { MaskoError } from './errors.js';
import type { LockedMascot, Lockfile } from './lockfile.js';
import type { ResolvedMascot, ResolvedOptions } from './options.js';
import { type Pin, pinFromResult } from './pins.js';
import { costOf } from './plan.js';

export interface RegenerateTarget {
  mascot: ResolvedMascot;
  pose: string;
  body: GenerateBody;
  cost: number;
}

/** `felix/Wave` or `Wave` (when one mascot has it) → what to post. */
export function regenerationFor(options: ResolvedOptions, lock: Lockfile | undefined, spec: string): RegenerateTarget {
  const slash = spec.indexOf('/');
  const key = slash > 0 && options.mascots.some((m) => m.key === spec.slice(0, slash)) ? spec.slice(0, slash) : undefined;
  const pose = key ? spec.slice(slash + 1) : spec;
  const candidates = options.mascots.filter((m) => (!key || m.key === key) && lock?.mascots[m.key]?.poses[pose]);
  if (candidates.length === 0) {
    throw new MaskoError(
      'regenerate_unknown_pose',
      `--regenerate ${spec}: no locked pose "${pose}"${key ? ` in mascot "${key}"` : ''} in ${options.lockfile}`,
      'Run `masko sync` first; regenerate replaces the assets of a pose the lockfile already has.',
    );
  }
  if (candidates.length > 1) {
    throw new MaskoError(
      'regenerate_ambiguous',
      `--regenerate ${spec}: mascots ${candidates.map((m) => `"${m.key}"`).join(', ')} all have "${pose}"`,
      `Say which: --regenerate ${candidates[0]!.key}/${pose}`,
    );
  }
  const mascot = candidates[0]!;
  const locked = lock!.mascots[mascot.key]!;
  const body = bodyFor(mascot, locked, pose);
  return { mascot, pose, body, cost: costOf(body) };
}

function bodyFor(mascot: ResolvedMascot, locked: LockedMascot, pose: string): GenerateBody {
  const clip = locked.poses[pose]!;
  const where = `mascots.${mascot.key}.poses["${pose}"]`;
  if (clip.files.some((f) => f.format !== 'png')) {
    throw new MaskoError(
      'regenerate_animated',
      `--regenerate ${mascot.key}/${pose}: "${pose}" is animated; Masko regenerates images only (its clips would no longer match)`,
      'Declare a new animated pose instead.',
    );
  }
  const options = mascot.poses[pose];
  if (options?.edit) {
    const source = locked.poses[options.edit.from];
    const image = source?.files.find((f) => f.format === 'png');
    if (!source || !image)
      throw new MaskoError('regenerate_no_source', `${where}.edit.from: the source pose "${options.edit.from}" is not locked`, 'Run `masko sync` first.');
    return { type: 'edit', item_id: source.item, source_image_asset_id: image.asset, edit_instructions: options.edit.instructions };
  }
  if (!options?.image) {
    throw new MaskoError(
      'regenerate_no_prompt',
      `${where}.image: expected an image prompt to regenerate "${pose}" with`,
      `Add ${where}: { image: '…' } to masko.config.`,
    );
  }
  return { type: 'image', item_id: clip.item, image_prompt: options.image };
}

/** Refuses (spending nothing) when generation is off or the budget is below the cost. */
export function checkBudget(options: ResolvedOptions, cost: number): void {
  const refusal = budgetRefusal(options, cost);
  if (refusal?.code === 'generation_disabled') {
    throw new MaskoError(
      refusal.code,
      `regenerating costs ${cost} credit(s) and generation is off; nothing was spent`,
      `Set generate: { maxCredits: ${cost} } to allow it.`,
    );
  }
  if (refusal?.code === 'over_budget') {
    throw new MaskoError(
      refusal.code,
      `regenerating costs ${cost} credit(s), above generate.maxCredits = ${refusal.maxCredits}; nothing was spent`,
      `Raise generate.maxCredits to at least ${cost}.`,
    );
  }
}

/** Posts the regeneration once, waits for it, and returns the new assets' pin and the credits charged. */
export async function runRegeneration(client: SyncClient, target: RegenerateTarget): Promise<{ pin: Pin; spent: number }> {
  const result = await client.generate(target.mascot.collection, target.body);
  await client.waitForJobs([result.job_id], { timeoutMs: 15 * 60_000 });
  const pin = pinFromResult(result);
  if (!pin) throw new MaskoError('regenerate_no_image', `job ${result.job_id} made no transparent_image asset for "${target.pose}"`);
  return { pin, spent: result.cost_credits };
}
