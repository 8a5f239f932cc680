// Felix's pose: every number that changes from frame to frame. A frame is a pure function of
// these numbers, so interpolating two poses (transitions) is interpolating these numbers.

/** One arm, as angles in degrees. 0 = hanging straight down, positive = away from the body. */
export interface Arm {
  /** Upper arm angle at the shoulder. */
  shoulder: number;
  /** Forearm angle relative to the upper arm. */
  elbow: number;
  /** 0 = round paw, 1 = fist with the thumb up. */
  thumb: number;
}

export interface FoxPose {
  /** Vertical offset of the whole fox in px (negative = up). */
  bob: number;
  /** 0..1 chest expansion (breathing). */
  breathe: number;
  /** Head rotation in degrees (positive = clockwise). */
  headTilt: number;
  /** Extra rotation of the viewer-left ear in degrees. */
  earTwitch: number;
  /** 0 = eyes open, 1 = closed. */
  blink: number;
  /** Gaze, -1..1 each (x right, y down). */
  lookX: number;
  lookY: number;
  /** 0 = closed smile, 1 = open grin. */
  grin: number;
  /** 0..1 eyebrow raise, viewer-left then viewer-right. */
  browLeft: number;
  browRight: number;
  /** Tail sway in degrees. */
  tail: number;
  /** Arms as seen by the viewer. */
  leftArm: Arm;
  rightArm: Arm;
  /** Opacity 0..1 of the three thought dots, small to big. */
  thoughts: [number, number, number];
  /** 0..1 size of the sparkle beside a raised thumb. */
  sparkle: number;
  /** 0..1 opacity of the motion arcs beside a waving paw. */
  waveLines: number;
}

const lerp = (a: number, b: number, t: number): number => a * (1 - t) + b * t; // exact at t=0 and t=1

const lerpArm = (a: Arm, b: Arm, t: number): Arm => ({
  shoulder: lerp(a.shoulder, b.shoulder, t),
  elbow: lerp(a.elbow, b.elbow, t),
  thumb: lerp(a.thumb, b.thumb, t),
});

/** Blend two poses; t=0 gives exactly `a`, t=1 exactly `b` (seamless clip joins depend on it). */
export function lerpPose(a: FoxPose, b: FoxPose, t: number): FoxPose {
  return {
    bob: lerp(a.bob, b.bob, t),
    breathe: lerp(a.breathe, b.breathe, t),
    headTilt: lerp(a.headTilt, b.headTilt, t),
    earTwitch: lerp(a.earTwitch, b.earTwitch, t),
    blink: lerp(a.blink, b.blink, t),
    lookX: lerp(a.lookX, b.lookX, t),
    lookY: lerp(a.lookY, b.lookY, t),
    grin: lerp(a.grin, b.grin, t),
    browLeft: lerp(a.browLeft, b.browLeft, t),
    browRight: lerp(a.browRight, b.browRight, t),
    tail: lerp(a.tail, b.tail, t),
    leftArm: lerpArm(a.leftArm, b.leftArm, t),
    rightArm: lerpArm(a.rightArm, b.rightArm, t),
    thoughts: [lerp(a.thoughts[0], b.thoughts[0], t), lerp(a.thoughts[1], b.thoughts[1], t), lerp(a.thoughts[2], b.thoughts[2], t)],
    sparkle: lerp(a.sparkle, b.sparkle, t),
    waveLines: lerp(a.waveLines, b.waveLines, t),
  };
}

/** Standing relaxed, arms down: the base every pose starts from. */
export const REST: FoxPose = {
  bob: 0,
  breathe: 0,
  headTilt: 0,
  earTwitch: 0,
  blink: 0,
  lookX: 0,
  lookY: 0,
  grin: 0,
  browLeft: 0,
  browRight: 0,
  tail: 0,
  leftArm: { shoulder: 22, elbow: -18, thumb: 0 },
  rightArm: { shoulder: 22, elbow: -18, thumb: 0 },
  thoughts: [0, 0, 0],
  sparkle: 0,
  waveLines: 0,
};
