// The features the element needs only once something is on screen (or has failed), in one chunk
// loaded then, so that the code on the way to the first frame stays small: hit-testing, predictive
// preloading, release after time away, the upgrade on resize, and the HTTP check behind a failed
// clip. Their wiring to the element's lifecycle is here too (a controller of the host), for the same reason.
import type { ReactiveControllerHost } from '@lit/reactive-element';
import type { MascotManifest } from 'masko-manifest';
import type { StageController } from '../controllers/stage-controller.js';
import type { Command, PoseEngine } from '../engines/router.js';
import { HitTest } from './hit-test.js';
import { Preloader } from './preload.js';
import { ReleaseTimer } from './release.js';
import type { SourceChoice } from './source-choice.js';

export { mediaFailure } from './media-diagnosis.js';

/** What the deferred features use of the element. */
export interface DeferredHost {
  readonly host: HTMLElement & ReactiveControllerHost & { preloadBudget: number; hitBox: boolean; releaseAfter: number };
  readonly stage: StageController;
  /** The element's PlaybackController (its type would make an import cycle: it loads this chunk). */
  readonly playback: { engine?: PoseEngine; shown?: string; command?: Command; execute(command: Command): unknown; replay(): void };
  readonly source: SourceChoice;
  /** The host's rendered width as the source choice reads it: 0 until the ResizeObserver here keeps it. */
  readonly size: { width: number };
  /** Near the viewport in a visible tab (the VisibilityController's `close`). */
  readonly visibility: { readonly close: boolean };
  manifest(): MascotManifest | undefined;
  /** Close again after a release: bring the clip back (replays the pose on screen). */
  restore(): void;
}

/** The deferred features of one element, as the element calls them. */
export interface Deferred {
  preload: Preloader;
  hit: HitTest;
  /** `command` is on screen: fetches ahead what can follow it (not for an element away: it holds no video). */
  ahead(command: Command | undefined): void;
  /** Visibility or the start changed: counts down to the release, or brings the clip back. */
  sync(started: boolean): void;
}

/**
 * Builds the deferred features for one element and ties them to its lifecycle: hit-testing adopts
 * its sheet in the host's shadow root and follows the pointer while the host is connected (unless
 * `hitBox`); leaving the page stops the release countdown and the look-ahead.
 */
export function attach({ host, stage, playback, source, size, visibility, manifest, restore }: DeferredHost): Deferred {
  const hit = new HitTest({
    host,
    media: () => stage.shown?.el as HTMLVideoElement | HTMLCanvasElement | HTMLImageElement | undefined,
    hover: (over) => playback.engine?.hover?.(over),
  });
  hit.adopt(host.shadowRoot!);
  const preload = new Preloader({
    pick: (media, poster) => source.pick(media, poster, false),
    prepare: (format, clip) => void stage.prepare(format, clip),
    budget: () => host.preloadBudget,
  });
  // Far away for too long: the still in place of the clip (not mid-transition, whose end the engine awaits).
  const release = (): unknown => playback.shown && playback.command?.type !== 'play-transition' && playback.execute({ type: 'hold', pose: playback.shown });
  const away = new ReleaseTimer(release, restore);
  // A wider box may deserve a bigger file: swap it in seamlessly, never a smaller one. The first
  // report counts too: the box may have grown since the file on screen was chosen.
  const resized =
    'ResizeObserver' in window
      ? new ResizeObserver((entries) => {
          const width = entries[0]!.contentRect.width;
          if (width === size.width) return;
          size.width = width;
          const pose = playback.shown && manifest()?.poses[playback.shown];
          if (pose && source.wider(pose.media, pose.poster)) playback.replay();
        })
      : undefined;
  /** Whether hit-testing follows the pointer now (so a repeated call changes nothing). */
  let tracking = false;
  const track = (on: boolean): unknown => on !== tracking && hit.track((tracking = on));
  host.addController({
    hostConnected() {
      track(!host.hitBox);
      resized?.observe(host);
    },
    hostUpdated: () => host.isConnected && track(!host.hitBox), // `hit-box` may have changed
    hostDisconnected() {
      track(false);
      resized?.disconnect();
      away.cancel();
      preload.stop();
    },
  });
  return {
    preload,
    hit,
    ahead(command) {
      const current = manifest();
      if (command && current && visibility.close) preload.ahead(current, command);
    },
    sync: (started) => away.update(visibility.close, started, host.releaseAfter),
  };
}
