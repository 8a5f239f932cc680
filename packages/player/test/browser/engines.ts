/**
 * WebKit-only skips. Each is for something of WebKitGTK's media stack (GStreamer) that Safari does not
 * share, and the README's test table lists them.
 */
const ua = navigator.userAgent;

/** WebKit off Apple (WebKitGTK here): `AppleWebKit` without a Chromium token, on Linux. */
export const webkitGtk = /AppleWebKit\//.test(ua) && !/Chrom(e|ium)\//.test(ua) && /Linux/.test(ua);

/**
 * Why tests of the WebM path's frames skip in WebKitGTK 2.50 (measured under Xvfb):
 * - Loop wraps no longer blank there: GStreamer loops a WebM with a flushing seek, and WebDriver
 *   screenshots through a 0.5 s loop showed the page through the video at the wraps (12, 2, 4 and 1
 *   of 80 in four runs), so the element hands a looping WebM off between its two video slots instead
 *   (none in any run since: loop-wraps.test.ts). Canvas reads never saw those blanks (WebKit keeps the last sample for canvas).
 * - A WebM clip that starts right after another stalled (session 4): `goTo()`/`setInput()` within ~10 ms
 *   of a pose's arrival loaded the next clip into the slot just retired; it fired `loadeddata` and
 *   `playing` at t=0 with readyState 4, then never advanced (no `timeupdate`, no `ended`; 15 s watched,
 *   with and without the hand-off, and with the slot's source dropped before the reuse), so the
 *   transition never ended: the cause of the forced-WebM canvas and state-machine timeouts. 40 ms later
 *   it played. The element now waits two animation frames before loading a WebM clip there, and those
 *   two tests run in WebKitGTK again.
 * - A WebM clip just started can stall for good (session 5): the 44-switch slot run stopped at a
 *   transition in 5 of 9 runs (switches 3 to 35). The clip fired `playing` (readyState 4, every byte
 *   buffered), then, within a few ms of the swap (the old slot's pause or reload), `waiting`: readyState
 *   2, networkState back to LOADING, `currentTime` 0.004 to 0.021, no `timeupdate`, `stalled` 3.3 s
 *   later, nothing more for 20 s; the server had answered every request in full (a request log said
 *   so). By those events GStreamer's player missed the end of its buffering, the kind of stall WebKit
 *   bugs 245739 and 300041 describe. The same `waiting` often ends at once; one that never ends gets
 *   `stalled`. Preparing the clip hidden and playing it only once revealed (at once, or two frames
 *   later) did not help (a stall in 1 of 3 runs each).
 *   The element now shows a clip that gets `stalled` on screen, fully buffered, afresh from the other
 *   slot (it takes over at its first frame; the stalled picture stays until then): 5 such recoveries
 *   in one run, and the run passes (7 runs, one under load). The picture freezes ~3.5 s then, never blanks.
 *   (The stacked slots' videos report the same way, so a stacked clip stalled so is shown afresh too.)
 * - A `<video>` just revealed reads back [0,0,0,0] through drawImage() for some frames (17 in a row in
 *   the off-screen release test; 16 again with the hand-off; 1 of 511 in the demo canvas run, which
 *   otherwise passes now), so the samplers report blanks the screenshots do not confirm.
 * Safari never plays WebM (the format rule gives Apple WebKit HEVC or stacked: it drops VP9 alpha), and
 * WebKitGTK plays WebM first (its stacked loops stall: GSTREAMER_STACKED_LOOP). The frame checks of the
 * WebM runs skip here; switch-screenshots.test.ts shows what the page shows through WebM switches instead
 * (with the swap broken on purpose, 15 of 119 screenshots there showed the page).
 * The `switch=wrap` runs skip too: three
 * GStreamer behaviours that stalled them were found and are worked around in the element (after a
 * loop seek `currentTime` stays stale for the whole next pass, so wraps are told by `seeking`; a seek of
 * a just-paused video often never finishes, and a video paused during its loop seek stalls once played
 * again, so a slot is reloaded rather than seeked back). On the stacked path its loops stall after the
 * first wrap (GSTREAMER_STACKED_LOOP), so a run there waits for wraps that come late or never.
 */
export const GSTREAMER_WEBM_FRAMES = 'WebKitGTK: canvas reads of a just-revealed WebM video come back empty (GStreamer; Safari never plays WebM)';

/** `it`, or `it.skip` in WebKitGTK for the WebM path's frames (see {@link GSTREAMER_WEBM_FRAMES}). */
export const itUnlessGStreamerWebM = (webm: boolean): typeof it => (webm && webkitGtk ? it.skip : it) as typeof it;

/**
 * Why the stacked case of the loop-wrap screenshots skips in WebKitGTK 2.50 (measured under Xvfb,
 * session 4): a stacked (H.264 MP4) loop stalls after its first loop seek (`currentTime` stays put,
 * readyState 2, `stalled`): 2 wraps in 80 screenshots. The canvas keeps the last frame, so nothing
 * blanks, but the loop stands still. Handing the loop off between the two slots, as WebM does there,
 * keeps it going (35 to 48 wraps, no blank) but stops 30 stacked elements on one page from loading
 * (16 never did within 40 s). Safari plays stacked through AVFoundation.
 * Session 5: the stall is GStreamer's own (a bare `<video>`, drawn or not, in the DOM or not, stalls at
 * 0.375 s after one wrap). Playing without `loop` and seeking to 0 at the end (on `ended`, or a
 * `timeupdate` within 5 ms of the end) kept a 0.5 s loop going (18 to 20 wraps in 10 s, four tries;
 * the stacked run of loop-wraps.test.ts passed with it), but the 30-element page of
 * shared-context.test.ts then left elements unloaded after 40 s: 4 and 12
 * with every loop rewound; 2 with only 4 rewound (the rest on `loop`); 14 with none rewound once the
 * page held more than 4 stacked videos (no seek under way: a clip played once can end before its
 * first frame is presented, and the element waits for one); 3 when such a clip went round once more.
 * The hand-off above also plays a loop once. So it is not in the element yet.
 */
export const GSTREAMER_STACKED_LOOP = 'WebKitGTK: GStreamer stalls a stacked (H.264) loop after its first loop seek';

/**
 * Why decoding the likely clip ahead is not tested on WebM in WebKitGTK (session 4): there a looping WebM
 * is handed off between the two video slots at each wrap (GStreamer's loop seek showed the page
 * through), so the idle slot holds the loop's copy and nothing else is decoded ahead while it plays;
 * fetching ahead within the budget still happens and is tested. Safari never plays WebM.
 */
export const WEBKITGTK_LOOP_COPY = "WebKitGTK: the idle slot holds the WebM loop's copy, so no other clip is decoded ahead";

/**
 * Why the touch tests skip in WebKitGTK: WebKitWebDriver performs the actions of a `touch` pointer as
 * mouse input (the page sees pointerType "mouse", and a move before each press), so they would test
 * the mouse path again. Chromium (CDP) and Firefox (BiDi) send real touches.
 */
export const WEBKITGTK_NO_TOUCH = 'WebKitWebDriver performs touch pointer actions as mouse input';
