// The demo clips: four looping poses and six transitions, each a list of FoxPose frames.
// Every loop starts and ends on its pose's neutral frame, with motion built from (1 - cos)
// curves whose speed is zero there, so the repeated frame at the seam does not show.
// Every transition goes from one neutral frame to another, so switches are seamless.
import type { MediaClip } from '../../src/media/media.js';
import { type FoxPose, lerpPose, REST } from './pose.js';

export const FPS = 24;
export const LOOP_FRAMES = 48; // 2 s
export const TRANSITION_FRAMES = 24; // 1 s

/** A clip of demo.json before it is rendered: its frames instead of its files. */
export type ClipSpec = Pick<MediaClip, 'slug' | 'kind' | 'pose' | 'from' | 'to' | 'loop'> & { frames: FoxPose[] };

const TAU = Math.PI * 2;
/** 0 at phase 0 and 1, 1 at the middle; `times` cycles per loop. */
const swell = (phase: number, times = 1): number => (1 - Math.cos(TAU * phase * times)) / 2;
/** A short triangular pulse around `at` (for blinks and twitches). */
const pulse = (phase: number, at: number, half: number): number => Math.max(0, 1 - Math.abs(phase - at) / half);
const smoothstep = (u: number): number => u * u * (3 - 2 * u);

type PoseAt = (phase: number) => FoxPose;

const idle: PoseAt = (f) => ({
  ...REST,
  bob: -4 * swell(f),
  breathe: swell(f),
  tail: 12 * swell(f, 2),
  blink: Math.min(1, 1.4 * pulse(f, 0.62, 0.07)),
  earTwitch: -10 * pulse(f, 0.3, 0.06),
  lookX: 0.25 * swell(f) - 0.25 * pulse(f, 0.8, 0.15),
});

const WAVE_ARM = { shoulder: 96, elbow: 84, thumb: 0 };
const wave: PoseAt = (f) => ({
  ...REST,
  bob: -3 * swell(f, 2),
  grin: 0.55,
  headTilt: -5 + 3 * swell(f, 3),
  browLeft: 0.4,
  browRight: 0.4,
  tail: 6 + 10 * swell(f, 3),
  lookX: -0.2,
  blink: Math.min(1, 1.4 * pulse(f, 0.5, 0.06)),
  waveLines: 0.35 + 0.65 * swell(f, 3),
  leftArm: { shoulder: WAVE_ARM.shoulder + 6 * swell(f, 3), elbow: WAVE_ARM.elbow - 46 * swell(f, 3), thumb: 0 },
});

const thumbsUp: PoseAt = (f) => ({
  ...REST,
  bob: -12 * swell(f, 2),
  breathe: swell(f, 2),
  grin: 1,
  headTilt: 4,
  browLeft: 0.5,
  browRight: 0.5,
  tail: 10 + 8 * swell(f, 2),
  lookX: 0.3,
  rightArm: { shoulder: 62 + 6 * swell(f, 2), elbow: 86, thumb: 1 },
  sparkle: swell(f, 2),
});

const thinking: PoseAt = (f) => ({
  ...REST,
  bob: -2 * swell(f),
  breathe: swell(f),
  headTilt: 7,
  lookX: 0.55 + 0.25 * swell(f),
  lookY: -0.75,
  browLeft: 0.1,
  browRight: 1,
  tail: 6 * swell(f),
  leftArm: { shoulder: -52, elbow: -130 + 5 * swell(f, 2), thumb: 0 },
  thoughts: [0.35 + 0.65 * swell(f), 0.65 * swell(f) ** 2, 0.75 * swell(f) ** 3],
});

const POSES: Record<string, { slug: string; at: PoseAt }> = {
  Idle: { slug: 'idle', at: idle },
  Wave: { slug: 'wave', at: wave },
  'Thumbs Up': { slug: 'thumbs-up', at: thumbsUp },
  Thinking: { slug: 'thinking', at: thinking },
};

function loopFrames(at: PoseAt): FoxPose[] {
  // Phase runs 0..1 inclusive: the last frame is the neutral frame again.
  return Array.from({ length: LOOP_FRAMES }, (_, i) => at(i / (LOOP_FRAMES - 1)));
}

function transitionFrames(from: PoseAt, to: PoseAt): FoxPose[] {
  const a = from(1);
  const b = to(0);
  return Array.from({ length: TRANSITION_FRAMES }, (_, i) => {
    const u = i / (TRANSITION_FRAMES - 1);
    const p = lerpPose(a, b, smoothstep(u));
    // A little hop and a blink on the way; both are zero at the ends, which stay exact.
    const hop = Math.sin(Math.PI * u);
    return { ...p, bob: p.bob - 10 * hop, blink: Math.max(p.blink, Math.min(1, 1.5 * pulse(u, 0.45, 0.16))) };
  });
}

/** All clips in the order of the index: poses, then transitions. */
export function demoClips(): ClipSpec[] {
  const clips: ClipSpec[] = Object.entries(POSES).map(([pose, { slug, at }]) => ({
    slug,
    kind: 'pose',
    pose,
    loop: true,
    frames: loopFrames(at),
  }));
  const transition = (from: string, to: string): ClipSpec => ({
    slug: `${POSES[from]!.slug}-${POSES[to]!.slug}`,
    kind: 'transition',
    from,
    to,
    loop: false,
    frames: transitionFrames(POSES[from]!.at, POSES[to]!.at),
  });
  const idleThinking = transition('Idle', 'Thinking');
  clips.push(
    transition('Idle', 'Wave'),
    transition('Wave', 'Idle'),
    transition('Idle', 'Thumbs Up'),
    transition('Thumbs Up', 'Idle'),
    idleThinking,
    // Masko's `reverse` edge: the same clip played backwards.
    { slug: 'thinking-idle', kind: 'transition', from: 'Thinking', to: 'Idle', loop: false, frames: [...idleThinking.frames].reverse() },
  );
  return clips;
}
