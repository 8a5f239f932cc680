import type { Pose } from 'masko-manifest';
import { hasWebGL } from './features/stacked-loading.js';
import { chooseFormat, detectEngine, type EngineFacts, type RendererOverride, type RenderFormat } from './format.js';

// Page-wide facts, gathered once: the engine from the user agent, and canPlayType per MIME type.
let engine: EngineFacts | undefined;
const playable = new Map<string, boolean>();
let probe: HTMLVideoElement | undefined;

function canPlay(type: string): boolean {
  let yes = playable.get(type);
  if (yes === undefined) {
    yes = (probe ??= document.createElement('video')).canPlayType(type) !== '';
    playable.set(type, yes);
  }
  return yes;
}

/** The format this page plays `media` in (see `chooseFormat` for the rule). */
export function formatFor(media: Pose['media'], override: RendererOverride = 'auto'): RenderFormat {
  engine ??= detectEngine(navigator);
  return chooseFormat(media, { ...engine, canPlay, webgl: hasWebGL, override });
}
