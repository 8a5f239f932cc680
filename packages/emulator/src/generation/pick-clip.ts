import type { Media, MediaClip } from '../media/media.js';
import { sha256Hex } from '../model/ids.js';

/** Words that steer a request to a demo pose (besides the pose's own name). */
const KEYWORDS: Record<string, string[]> = {
  idle: ['idle', 'rest', 'stand', 'calm', 'breath'],
  wave: ['wave', 'waving', 'hello', 'greet', 'bye'],
  'thumbs-up': ['thumb', 'like', 'approve', 'yes', 'success', 'celebrat'],
  thinking: ['think', 'ponder', 'hmm', 'wonder', 'compact', 'working', 'busy'],
};

/** Deterministic: a keyword in the text picks the pose, else a stable hash of the name. */
export function pickPose(media: Media, name: string, text: string, fallback?: MediaClip): MediaClip {
  return matchPose(media, `${name} ${text}`) ?? fallback ?? byHash(media.poses(), name);
}

/** The first pose whose name or a keyword starts a word of the text ("Thinker" -> Thinking, not "hi"). */
export function matchPose(media: Media, text: string): MediaClip | undefined {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = words.join(' ');
  return media.poses().find((clip) => {
    const name = (clip.pose ?? clip.slug).toLowerCase();
    return ` ${joined} `.includes(` ${name} `) || (KEYWORDS[clip.slug] ?? []).some((k) => words.some((w) => w.startsWith(k)));
  });
}

/** The transition between two pose clips if the demo has it, else a stable pick. */
export function pickTransition(media: Media, from: MediaClip | undefined, to: MediaClip | undefined, name: string): MediaClip {
  const transitions = media.transitions();
  const direct = transitions.find((t) => from?.pose && to?.pose && t.from === from.pose && t.to === to.pose);
  if (direct) return direct;
  const text = name.toLowerCase();
  return transitions.find((t) => text.includes(t.slug)) ?? byHash(transitions.length ? transitions : media.poses(), name);
}

/** The clip that plays `clip` backwards (thinking-idle for idle-thinking), else the clip itself. */
export function reverseOf(media: Media, clip: MediaClip): MediaClip {
  return media.transitions().find((t) => t.from === clip.to && t.to === clip.from) ?? clip;
}

function byHash(clips: MediaClip[], name: string): MediaClip {
  const n = parseInt(sha256Hex(name).slice(0, 8), 16);
  return clips[n % clips.length]!;
}
