import type { Media, Transition } from 'masko-manifest';

/** Whether a clip exists in at least one encoding. */
export const hasMedia = (media: Media | undefined): boolean =>
  !!media && (['webm', 'hevc', 'stacked'] as const).some((format) => (media[format]?.length ?? 0) > 0);

/** Any-state transitions (`from: '*'`), highest `priority` first; equal priorities keep edge order. */
export function anyStateTransitions<P extends string>(transitions: readonly Transition<P>[]): Transition<P>[] {
  return transitions
    .filter((t) => t.from === '*')
    .map((t, index) => ({ t, index }))
    .sort((a, b) => (b.t.priority ?? 0) - (a.t.priority ?? 0) || a.index - b.index)
    .map(({ t }) => t);
}

/**
 * The fewest clips that lead from `from` to `to`: a breadth-first search over the transitions that
 * have media (any-state transitions excluded — they have no real source). Among equally short
 * paths the one whose edges come first in the manifest wins. `[]` when already there, `undefined`
 * when no chain of clips reaches `to`.
 */
export function shortestClipPath<P extends string>(transitions: readonly Transition<P>[], from: P, to: P): Transition<P>[] | undefined {
  if (from === to) return [];
  const clips = transitions.filter((t) => t.from !== '*' && hasMedia(t.media));
  const via = new Map<P, Transition<P>>();
  const seen = new Set<P>([from]);
  let frontier: P[] = [from];
  while (frontier.length > 0) {
    const next: P[] = [];
    for (const pose of frontier) {
      for (const clip of clips) {
        if (clip.from !== pose || seen.has(clip.to)) continue;
        seen.add(clip.to);
        via.set(clip.to, clip);
        if (clip.to === to) return pathTo(via, from, to);
        next.push(clip.to);
      }
    }
    frontier = next;
  }
  return undefined;
}

function pathTo<P extends string>(via: Map<P, Transition<P>>, from: P, to: P): Transition<P>[] {
  const path: Transition<P>[] = [];
  for (let pose = to; pose !== from; ) {
    const clip = via.get(pose)!;
    path.unshift(clip);
    pose = clip.from as P;
  }
  return path;
}
