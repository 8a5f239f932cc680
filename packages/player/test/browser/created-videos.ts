import { formatFor } from '../../src/capabilities.js';

/**
 * Every `<video>` made with `document.createElement` from now on, until `stop()`. The stacked path's
 * videos never enter the DOM (their frames are drawn into the slot's canvas), so a count of what the
 * shadow root holds cannot see them; the creation hook sees both paths.
 */
export function createdVideos(): { videos: HTMLVideoElement[]; stop(): void } {
  // The format rule's canPlayType probe is one `<video>` for the whole page, not the element's:
  // made here, before counting starts, whichever test runs first.
  formatFor({ webm: [{ url: 'probe.webm', type: 'video/webm; codecs="vp09.00.10.08"', width: 1, height: 1 }] });
  const videos: HTMLVideoElement[] = [];
  const original = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, ...args: Parameters<Document['createElement']>) {
    const node = original.apply(this, args);
    if (node instanceof HTMLVideoElement) videos.push(node);
    return node;
  } as Document['createElement'];
  return { videos, stop: () => void (Document.prototype.createElement = original) };
}

/** The absolute URL of `url`, as `HTMLMediaElement.src` gives it. */
export const absolute = (url: string): string => new URL(url, location.href).href;
