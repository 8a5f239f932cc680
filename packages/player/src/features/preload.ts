import type { MascotManifest, Media, Variant } from 'masko-manifest';
import type { Command } from '../engines/router.js';
import type { RenderFormat } from '../format.js';
import type { Clip } from '../renderers/layer.js';

/** A clip that can come next. `likely`: the one that will, unless an input says otherwise. */
export interface ClipAhead {
  media: Media;
  /** The still of the pose it shows (the format choice needs it for `image`). */
  poster: Variant[];
  loop: boolean;
  likely: boolean;
}

const hasMedia = (media: Media | undefined): media is Media => Object.values(media ?? {}).some((list) => list?.length);

/**
 * What can follow `command` on screen (pure; the likely clip first): during a transition, the loop
 * of the pose it leads to (likely); at a pose, the transition clips out of it and the any-state
 * ones (a single clip out of the pose is likely).
 */
export function clipsAhead(manifest: MascotManifest, command: Command): ClipAhead[] {
  if (command.type === 'play-transition') {
    const to = manifest.poses[command.transition.to];
    return to?.loop ? [{ media: to.media, poster: to.poster, loop: true, likely: true }] : [];
  }
  const at = command.pose;
  const out = manifest.transitions.filter((t) => (t.from === at || t.from === '*') && t.to !== at && hasMedia(t.media));
  const own = out.filter((t) => t.from === at);
  return out
    .map((t) => ({ media: t.media!, poster: manifest.poses[t.to]?.poster ?? [], loop: false, likely: own.length === 1 && t === own[0] }))
    .sort((a, b) => Number(b.likely) - Number(a.likely));
}

/**
 * Fetches `url` into the HTTP cache, reading at most `cap` bytes: returns the bytes read, negative
 * when the file is larger than `cap` (the read stops there, so no more than `cap` is taken).
 */
async function fetchUpTo(url: string, cap: number): Promise<number> {
  const response = await fetch(url, { credentials: 'same-origin' });
  const declared = Number(response.headers.get('content-length'));
  const reader = response.body!.getReader();
  let read = 0;
  if (!(declared > cap)) {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      read += chunk.value.byteLength;
      if (read > cap) break;
    }
  }
  if (!response.ok || declared > cap || read > cap) {
    await reader.cancel();
    return -Math.max(read, 1);
  }
  return read;
}

export interface PreloadHost {
  /** The format and file this element would play for `media`. */
  pick(media: Media, poster: Variant[]): { format: RenderFormat; variant: Variant | undefined };
  /** Decodes a clip in the idle slot. */
  prepare(format: RenderFormat, clip: Clip): void;
  /** Bytes allowed per pose on screen (`preload-budget`); 0 turns preloading off. */
  budget(): number;
}

/**
 * Predictive preloading: from what is on screen, the clips that can come next are fetched ahead
 * (likely one first) within the byte budget, and the likely one is decoded in the idle slot, so
 * that its switch is a swap. Nothing on `Save-Data`. Each URL is fetched once per element; a file
 * of unknown size is read only up to what is left of the budget.
 */
export class Preloader {
  /** URLs fetched, or being fetched, by this element. */
  readonly #fetched = new Set<string>();
  /** The current look-ahead; a fetch already under way finishes (it is within budget), nothing more starts. */
  #run = 0;
  /**
   * The pose (or transition) on screen and what is left of its budget. Asked again for the same one
   * (the poster shown first gave way to the clip, a wider file of it), a look-ahead spends only what is left.
   */
  #budget?: { at: unknown; left: number };

  constructor(private readonly host: PreloadHost) {}

  /** `command` is on screen in `manifest`. */
  async ahead(manifest: MascotManifest, command: Command): Promise<void> {
    const run = ++this.#run; // what the previous pose could lead to matters no more
    const at = command.type === 'play-transition' ? command.transition : manifest.poses[command.pose];
    let budget = this.#budget;
    if (!budget || budget.at !== at) budget = this.#budget = { at, left: this.host.budget() };
    if (!(this.host.budget() > 0) || (navigator as { connection?: { saveData?: boolean } }).connection?.saveData) return;
    for (const next of clipsAhead(manifest, command)) {
      const { format, variant } = this.host.pick(next.media, next.poster);
      if (format === 'image' || !variant) continue;
      const { url, bytes } = variant;
      if (!this.#fetched.has(url)) {
        if (!(budget.left > 0) || (bytes !== undefined && bytes > budget.left)) continue; // too big for what is left; a smaller one may fit
        // Claimed, and its bytes (all that is left, for a file of unknown size) held while it downloads:
        // a look-ahead for the same pose meanwhile neither fetches it again nor spends those bytes.
        const hold = bytes ?? budget.left;
        this.#fetched.add(url);
        budget.left -= hold;
        try {
          const read = await fetchUpTo(url, hold);
          budget.left += hold - Math.abs(read);
          if (read < 0) {
            this.#fetched.delete(url);
            break; // larger than said, or an error: the budget is spent
          }
        } catch {
          this.#fetched.delete(url);
          return; // the host refuses cross-origin reads (or the network failed): no preloading from it
        }
      }
      if (run !== this.#run) return;
      if (next.likely) this.host.prepare(format, { url, loop: next.loop });
    }
  }

  /** Stops fetching ahead (the element left the page or the manifest changed). */
  stop(): void {
    this.#run++;
    this.#budget = undefined;
  }
}
