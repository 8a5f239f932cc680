import type { RenderFormat } from './format.js';

/** Why a `masko-error` fired. */
export type MaskoErrorReason =
  | 'manifest-fetch' // `src` could not be fetched (network, HTTP status)
  | 'manifest-invalid' // `src` is not JSON, or not a manifest or Masko canvas export
  | 'unknown-pose' // `pose` / `goTo()` named a pose the manifest does not have
  | 'media' // a clip failed to decode (or to load, with no HTTP answer to blame); the current pose stays
  | 'media-http' // a clip's URL answered an HTTP error or something that is not media (an HTML page); the current pose stays
  | 'autoplay-blocked'; // the browser refused to play (e.g. iOS Low Power Mode); the poster shows

export interface MaskoErrorDetail {
  reason: MaskoErrorReason;
  /** A sentence a developer can act on. */
  message: string;
  /** The URL or pose involved, when there is one. */
  target?: string;
}
export interface MaskoPoseChangeDetail {
  from: string | undefined;
  to: string;
}
export interface MaskoTransitionDetail {
  from: string;
  to: string;
}
export interface MaskoLoadDetail {
  format: RenderFormat;
}
export interface MaskoLoopDetail {
  pose: string;
}
/** Every input with its value after a change (`nodeTime` alone, which changes all the time, fires nothing). */
export interface MaskoInputChangeDetail {
  inputs: Record<string, boolean | number>;
}

export type MaskoLoadEvent = CustomEvent<MaskoLoadDetail>;
export type MaskoErrorEvent = CustomEvent<MaskoErrorDetail>;
export type MaskoPoseChangeEvent = CustomEvent<MaskoPoseChangeDetail>;
export type MaskoTransitionEvent = CustomEvent<MaskoTransitionDetail>;
export type MaskoLoopEvent = CustomEvent<MaskoLoopDetail>;
export type MaskoInputChangeEvent = CustomEvent<MaskoInputChangeDetail>;

/** Every event `<masko-mascot>` fires, by name. */
export interface MaskoEventMap {
  'masko-load': MaskoLoadEvent;
  'masko-error': MaskoErrorEvent;
  'masko-pose-change': MaskoPoseChangeEvent;
  'masko-transition-start': MaskoTransitionEvent;
  'masko-transition-end': MaskoTransitionEvent;
  'masko-loop': MaskoLoopEvent;
  'masko-input-change': MaskoInputChangeEvent;
}

declare global {
  interface GlobalEventHandlersEventMap extends MaskoEventMap {}
}

/** Fires a typed `masko-*` event: bubbling and composed (it crosses shadow roots), not cancelable. */
export function emit<K extends keyof MaskoEventMap>(target: EventTarget, name: K, detail: MaskoEventMap[K]['detail']): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
