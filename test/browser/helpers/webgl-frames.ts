// Reading a video frame through WebGL2, the way the player's stacked-alpha renderer does:
// texImage2D(video), a full-screen quad, readPixels.
// Note: Firefox's texImage2D(video) hands over PREMULTIPLIED RGB for videos with alpha even with
// UNPACK_PREMULTIPLY_ALPHA_WEBGL=false (Chromium gives straight RGB). A stacked MP4 is opaque
// (alpha 1 everywhere), so its texels are the same either way; for a WebM only alpha is comparable.
import type { Frame } from './video-frames.js';

const VERTEX = `#version 300 es
in vec2 pos;
out vec2 uv;
void main() {
  uv = vec2(pos.x * 0.5 + 0.5, 0.5 - pos.y * 0.5); // uv (0,0) = top-left of the video
  gl_Position = vec4(pos, 0.0, 1.0);
}`;

/** Colour from the top half, alpha from the bottom half's BT.709 luma. */
const STACKED = `#version 300 es
precision highp float;
uniform sampler2D video;
in vec2 uv;
out vec4 color;
void main() {
  vec3 rgb = texture(video, vec2(uv.x, uv.y * 0.5)).rgb;
  float alpha = dot(texture(video, vec2(uv.x, 0.5 + uv.y * 0.5)).rgb, vec3(0.2126, 0.7152, 0.0722));
  color = vec4(rgb, alpha);
}`;

/** The texture as it is (used for the VP9+alpha WebM). */
const PLAIN = `#version 300 es
precision highp float;
uniform sampler2D video;
in vec2 uv;
out vec4 color;
void main() { color = texture(video, uv); }`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`shader: ${gl.getShaderInfoLog(shader)}`);
  return shader;
}

/**
 * Draws the current frame of `video` with WebGL2 and reads it back as straight-alpha RGBA,
 * top row first. `stacked` composites the two halves; the result is then half as tall.
 */
export function readThroughWebGL(video: HTMLVideoElement, stacked: boolean): Frame {
  const width = video.videoWidth;
  const height = stacked ? video.videoHeight / 2 : video.videoHeight;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  // premultipliedAlpha:false: the drawing buffer holds exactly what the shader wrote.
  const gl = canvas.getContext('webgl2', { premultipliedAlpha: false, preserveDrawingBuffer: true, antialias: false });
  if (!gl) throw new Error('WebGL2 is not available (Firefox needs a display: run under xvfb-run)');
  try {
    const program = gl.createProgram()!;
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, stacked ? STACKED : PLAIN));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`link: ${gl.getProgramInfoLog(program)}`);
    gl.useProgram(program);

    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    const pos = gl.getAttribLocation(program, 'pos');
    gl.enableVertexAttribArray(pos);
    gl.vertexAttribPointer(pos, 2, gl.FLOAT, false, 0, 0);

    gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    // NEAREST: one output pixel = one texel, so the halves never bleed into each other.
    for (const p of [gl.TEXTURE_MIN_FILTER, gl.TEXTURE_MAG_FILTER]) gl.texParameteri(gl.TEXTURE_2D, p, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, video);

    gl.viewport(0, 0, width, height);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    const bottomUp = new Uint8Array(width * height * 4);
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, bottomUp);
    const error = gl.getError();
    if (error !== gl.NO_ERROR) throw new Error(`WebGL error 0x${error.toString(16)}`);

    // readPixels starts at the bottom row; flip so row 0 is the top, like ImageData.
    const data = new Uint8ClampedArray(width * height * 4);
    const row = width * 4;
    for (let y = 0; y < height; y++) data.set(bottomUp.subarray((height - 1 - y) * row, (height - y) * row), y * row);
    return { width, height, data };
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
