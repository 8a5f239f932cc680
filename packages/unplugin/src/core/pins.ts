/**
 * Poses pinned to particular assets rather than to "the item's image": **edits** (Masko adds the edited
 * image to the source item, so only the record of the edit knows which assets are the new pose) and
 * **regenerations** (Masko keeps the old assets beside the new). The record is the lockfile, plus the
 * results of generations made in this run. Pure: a plan and a listing in, the plan with pins applied out.
 */

import type { ApiAsset, ApiItem, GenerateResult } from './api-types.js';
import type { LockedMascot } from './lockfile.js';
import type { ResolvedMascot } from './options.js';
import { costOf, type MascotPlan, type PlannedFile, type PlannedPose, posterWidths } from './plan.js';

/** A pose's pinned image: its item and the transparent PNG asset it ships. */
export interface Pin {
  item: string;
  png: string;
}
/** Pins per pose name, of one mascot. */
export type Pins = Map<string, Pin>;

/** What an edit pose was made from, as the lockfile records it. */
export interface EditRecord {
  from: string;
  instructions: string;
}

/** The pins a lock entry holds: every pose's PNG (kept stable across re-resolves), edits included. */
export function pinsFromLock(locked: LockedMascot | undefined, mascot: ResolvedMascot): Pins {
  const pins: Pins = new Map();
  for (const [name, clip] of Object.entries(locked?.poses ?? {})) {
    const edit = clip.edit;
    const wanted = mascot.poses[name]?.edit;
    // An edit whose source or instructions changed is a new edit: not pinned.
    if (edit && (!wanted || wanted.from !== edit.from || wanted.instructions !== edit.instructions)) continue;
    const png = clip.files.find((f) => f.format === 'png');
    if (png) pins.set(name, { item: clip.item, png: png.asset });
  }
  return pins;
}

/** The pin a finished generation (edit or regenerate) gives its pose. */
export function pinFromResult(result: GenerateResult): Pin | undefined {
  const png = result.asset_ids?.transparent_image;
  return png ? { item: result.item_id, png } : undefined;
}

function assetIn(items: ApiItem[], itemId: string, assetId: string): { item: ApiItem; asset: ApiAsset } | undefined {
  const item = items.find((i) => i.id === itemId);
  const asset = item?.assets?.find((a) => a.id === assetId);
  return item && asset ? { item, asset } : undefined;
}

function withPng(files: PlannedFile[], asset: ApiAsset): PlannedFile[] {
  return [...files.filter((f) => f.format !== 'png'), { format: 'png' as const, asset }];
}

/**
 * Applies pins to a plan: a pinned pose ships its pinned PNG (when the item still has it); an edit pose is
 * shipped from its pin, or else planned as an `edit` generation of its source pose's image (1 credit).
 */
export function applyPins(plan: MascotPlan, mascot: ResolvedMascot, items: ApiItem[], pins: Pins): MascotPlan {
  const poses: PlannedPose[] = plan.poses.map((pose) => {
    const pin = pins.get(pose.name);
    const found = pin && pin.item === pose.item.id ? assetIn(items, pin.item, pin.png) : undefined;
    if (!found) return pose;
    const files = withPng(pose.files, found.asset);
    return { ...pose, files, posterWidths: posterWidths(files, mascot) };
  });
  const generate = [...plan.generate];
  const unavailable = [...plan.unavailable];
  for (const [name, options] of Object.entries(mascot.poses)) {
    if (!options.edit) continue;
    const { from, instructions } = options.edit;
    const drop = (list: string[]) => {
      const i = list.indexOf(name);
      if (i >= 0) list.splice(i, 1);
    };
    drop(unavailable);
    const pin = pins.get(name);
    const found = pin ? assetIn(items, pin.item, pin.png) : undefined;
    if (found) {
      // A still pose: the edited image only (Masko's edit makes no clip), never looping.
      const files: PlannedFile[] = [{ format: 'png', asset: found.asset }];
      const item = { ...found.item, name, loop: false, duration: null };
      const at = poses.findIndex((p) => p.name === name);
      const pose: PlannedPose & { edit: EditRecord } = { name, item, files, posterWidths: posterWidths(files, mascot), edit: { from, instructions } };
      if (at >= 0) poses[at] = pose;
      else poses.push(pose);
      continue;
    }
    const source = poses.find((p) => p.name === from);
    const image = source?.files.find((f) => f.format === 'png')?.asset;
    if (!source || !image) {
      unavailable.push(name);
      continue;
    }
    const body = { type: 'edit' as const, item_id: source.item.id, source_image_asset_id: image.id, edit_instructions: instructions };
    generate.push({ pose: name, body, cost: costOf(body) });
  }
  poses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...plan, poses, generate, unavailable, cost: generate.reduce((sum, g) => sum + g.cost, 0) };
}

/** `masko status` lines: which poses are edits, of what, and whether the config still asks for that edit. */
export function describeEdits(locked: LockedMascot, mascot: ResolvedMascot): string[] {
  const lines: string[] = [];
  for (const name of Object.keys(locked.poses).sort()) {
    const edit = locked.poses[name]!.edit;
    if (!edit) continue;
    const wanted = mascot.poses[name]?.edit;
    const current = wanted && wanted.from === edit.from && wanted.instructions === edit.instructions;
    lines.push(
      `"${name}": edit of "${edit.from}" (${JSON.stringify(edit.instructions)})${current ? '' : '; the config now asks for another edit (run `masko sync`)'}`,
    );
  }
  for (const [name, options] of Object.entries(mascot.poses)) {
    if (options.edit && !locked.poses[name])
      lines.push(`"${name}": edit of "${options.edit.from}" (${JSON.stringify(options.edit.instructions)}), not made yet (1 credit)`);
  }
  return lines;
}
