/**
 * One WebGL context for every stacked-alpha clip on the page.
 *
 * Browsers keep about 16 live WebGL contexts per page and drop the oldest past that, so a page
 * of mascots cannot give each its own. Instead one hidden canvas holds the only context: each
 * element's frame is composited there (colour from the top half, alpha from the luma of the
 * bottom half, output premultiplied) and copied with `drawImage` into the element's own 2D
 * canvas in the same task, before the drawing buffer is cleared. The copy is cheap next to the
 * video decode, and the canvases on the page are plain 2D canvases with no context limit.
 *
 * Colour: the browser converts the video's YUV to RGB by the file's colour tags (our stacked
 * files are tagged BT.709, limited range). The alpha half is grey (Cb = Cr = 128), but not every
 * browser keeps it grey: WebKitGTK (GStreamer) turns luma 16 into RGB (1, 0, 1), as if neutral
 * chroma were 0.5 rather than 128/255, so reading red as alpha left the "transparent" area at
 * alpha 1/255, one level darker than the page. The alpha is therefore the BT.709 luma of the
 * alpha half: luma is what the matrix keeps exact under any chroma offset, (1, 0, 1) gives 0.29
 * of a level (stored as 0), and for true grey it equals the red channel, as before.
 * Premultiplied: the context has `premultipliedAlpha: true` and the shader multiplies, so
 * `drawImage` composites semi-transparent edges exactly. The video itself is opaque, so
 * Firefox's premultiplied `texImage2D` uploads change nothing.
 */

import { detectEngine } from '../format.js';

// The WebGL enums used here, by value (the WebGL 1.0 spec fixes them): the bundle carries numbers
// instead of a property read by name for each (about 0.1 KB gzipped of the standalone build).
const VERTEX_SHADER = 0x8b31;
const FRAGMENT_SHADER = 0x8b30;
const LINK_STATUS = 0x8b82;
const ARRAY_BUFFER = 0x8892;
const STATIC_DRAW = 0x88e4;
const FLOAT = 0x1406;
const TEXTURE_2D = 0x0de1;
const TEXTURE_MIN_FILTER = 0x2801;
const TEXTURE_MAG_FILTER = 0x2800;
const TEXTURE_WRAP_S = 0x2802;
const TEXTURE_WRAP_T = 0x2803;
const NEAREST = 0x2600;
const CLAMP_TO_EDGE = 0x812f;
const RGBA = 0x1908;
const UNSIGNED_BYTE = 0x1401;
const TRIANGLE_STRIP = 0x0005;
const FRAMEBUFFER = 0x8d40;
const COLOR_ATTACHMENT0 = 0x8ce0;

const VERTEX = `attribute vec2 p;varying vec2 v;void main(){v=vec2(p.x,-p.y)*.5+.5;gl_Position=vec4(p,0.,1.);}`;
const FRAGMENT = `precision mediump float;uniform sampler2D t;varying vec2 v;
void main(){vec3 c=texture2D(t,vec2(v.x,v.y*.5)).rgb;float a=dot(texture2D(t,vec2(v.x,.5+v.y*.5)).rgb,vec3(.2126,.7152,.0722));gl_FragColor=vec4(c*a,a);}`;

interface Shared {
  gl: WebGLRenderingContext;
  ready: boolean;
}

let shared: Shared | null | undefined;
/**
 * Whether each video upload is checked before it is shown: on for WebKit off Apple (WebKitGTK, WPE).
 * GStreamer there now and then uploads a playing video's frame as an empty texture, all [0,0,0,0]
 * (WebKitGTK 2.50: up to 4 frames of 600 to 1,500 in a run of 44 switches; mid-clip, readyState 4,
 * in the frame callback, twice in a row once), which showed as blank frames. A video frame is opaque, so a texel with alpha 0 is an upload that
 * failed, and the element keeps its last picture. The check reads one texel back (a GPU sync), so
 * other engines, which never upload empty, skip it.
 */
export const uploads = { checked: false }; // set with the shared context (no navigator read on import)
/** A framebuffer on the texture, to read an upload back. */
let probe: WebGLFramebuffer | null;
const texel = new Uint8Array(4);
/** Redraw callbacks of every live stacked layer, run after a lost context is restored. */
const restored = new Set<() => void>();

function setup(gl: WebGLRenderingContext): boolean {
  const program = gl.createProgram();
  if (!program) return false;
  for (const [type, source] of [
    [VERTEX_SHADER, VERTEX],
    [FRAGMENT_SHADER, FRAGMENT],
  ] as const) {
    const shader = gl.createShader(type);
    if (!shader) return false;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    gl.attachShader(program, shader);
  }
  gl.bindAttribLocation(program, 0, 'p');
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, LINK_STATUS)) return false;
  gl.useProgram(program);
  gl.bindBuffer(ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, FLOAT, false, 0, 0);
  const texture = gl.createTexture();
  gl.bindTexture(TEXTURE_2D, texture);
  gl.bindFramebuffer(FRAMEBUFFER, (probe = gl.createFramebuffer()));
  gl.framebufferTexture2D(FRAMEBUFFER, COLOR_ATTACHMENT0, TEXTURE_2D, texture, 0);
  gl.bindFramebuffer(FRAMEBUFFER, null);
  // NEAREST and a canvas exactly the artwork's size: no sampling across the colour/alpha seam.
  const parameter = (name: number, value: number): void => gl.texParameteri(TEXTURE_2D, name, value);
  parameter(TEXTURE_MIN_FILTER, NEAREST);
  parameter(TEXTURE_MAG_FILTER, NEAREST);
  parameter(TEXTURE_WRAP_S, CLAMP_TO_EDGE);
  parameter(TEXTURE_WRAP_T, CLAMP_TO_EDGE);
  return true;
}

/** The page's shared context, created on first use; `null` when the browser gives no WebGL. */
export function sharedContext(): WebGLRenderingContext | null {
  if (shared === undefined) {
    uploads.checked ||= detectEngine(navigator).engine === 'webkit';
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl', { premultipliedAlpha: true, antialias: false, depth: false, stencil: false });
    shared = gl && { gl, ready: setup(gl) };
    if (gl) {
      canvas.addEventListener('webglcontextlost', (event) => {
        event.preventDefault(); // ask for a restore
        shared!.ready = false;
      });
      canvas.addEventListener('webglcontextrestored', () => {
        shared!.ready = setup(gl);
        for (const redraw of restored) redraw();
      });
    }
  }
  return shared?.gl ?? null;
}

/** Whether a WebGL context can be had (creates the shared one if needed). */
export const hasWebGL = (): boolean => !!sharedContext() && !!shared?.ready;

/** Registers a redraw for after a context restore; returns the unregister function. */
export function onRestore(redraw: () => void): () => void {
  restored.add(redraw);
  return () => restored.delete(redraw);
}

/**
 * Composites the video's current frame into `target` (sized to the artwork: the video's width
 * and half its height). Uploads one texture; returns false when there is no usable context
 * (lost, or no WebGL) or the upload came back empty, leaving `target` untouched so the last
 * frame stays on screen.
 */
export function drawStacked(video: HTMLVideoElement, target: CanvasRenderingContext2D): boolean {
  const gl = sharedContext();
  if (!gl || !shared?.ready || gl.isContextLost()) return false;
  const width = video.videoWidth;
  const height = video.videoHeight >> 1;
  if (!width || !height || video.readyState < 2) return false; // no decoded frame to upload yet
  const canvas = gl.canvas as HTMLCanvasElement;
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  if (target.canvas.width !== width || target.canvas.height !== height) {
    target.canvas.width = width;
    target.canvas.height = height;
  }
  gl.viewport(0, 0, width, height);
  gl.texImage2D(TEXTURE_2D, 0, RGBA, RGBA, UNSIGNED_BYTE, video);
  if (uploads.checked) {
    gl.bindFramebuffer(FRAMEBUFFER, probe);
    gl.readPixels(0, 0, 1, 1, RGBA, UNSIGNED_BYTE, texel);
    gl.bindFramebuffer(FRAMEBUFFER, null);
    if (!texel[3]) return false; // an empty upload: keep the last picture
  }
  gl.drawArrays(TRIANGLE_STRIP, 0, 4);
  target.clearRect(0, 0, width, height);
  target.drawImage(canvas, 0, 0);
  return true;
}
