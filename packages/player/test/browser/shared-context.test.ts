import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MaskoMascot } from '../../src/index.js';
import { webkitGtk } from './engines.js';
import { testManifest } from './fixtures.js';
import { loaded, nextFrame, PATIENCE, snapshot } from './pixels.js';

// Count every WebGL context the page creates, before the element module can create one.
const contexts = new Set<unknown>();
const getContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
  const context = (getContext as (...args: unknown[]) => unknown).call(this, type, ...rest);
  if (context && /webgl/.test(type)) contexts.add(context);
  return context;
} as typeof getContext;
await import('../../src/index.js');
const { sharedContext, uploads } = await import('../../src/renderers/stacked-gl.js');

const red = (el: MaskoMascot): boolean => {
  const [r, g, b, a] = snapshot(el).read(32, 24);
  return r > 200 && g < 50 && b < 50 && a > 240;
};

describe('stacked alpha with one shared WebGL context', () => {
  it('should render 30 stacked elements with a single WebGL context', async function () {
    this.timeout(60_000);
    const page = await fixture<HTMLElement>(html`<div></div>`);
    const manifest = testManifest();
    const elements = Array.from({ length: 30 }, () => {
      const el = document.createElement('masko-mascot');
      el.setAttribute('renderer', 'stacked');
      el.setAttribute('loading', 'eager');
      el.style.width = '64px';
      el.manifest = manifest;
      return el;
    });
    const ready = elements.map(loaded);
    page.append(...elements);
    await Promise.all(ready);
    for (const [i, el] of elements.entries()) {
      expect(el.currentSource?.format, `element ${i}`).to.equal('stacked');
      expect(red(el), `element ${i} shows its character`).to.equal(true);
    }
    expect(contexts.size, 'WebGL contexts on the page').to.equal(1);
  });

  it('should draw again after the shared context is lost and restored', async () => {
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="stacked" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = testManifest();
    await ready;
    const gl = sharedContext()!;
    const lose = gl.getExtension('WEBGL_lose_context')!;
    const lost = new Promise((resolve) => gl.canvas.addEventListener('webglcontextlost', resolve, { once: true }));
    lose.loseContext();
    await lost;
    // Wipe the element's canvas: only a working context can paint the character back.
    const canvas = snapshot(el).media as HTMLCanvasElement;
    canvas.getContext('2d')!.clearRect(0, 0, canvas.width, canvas.height);
    await nextFrame();
    await nextFrame();
    expect(red(el), 'nothing drawn while the context is lost').to.equal(false);
    const restored = new Promise((resolve) => gl.canvas.addEventListener('webglcontextrestored', resolve, { once: true }));
    lose.restoreContext();
    await restored;
    await waitUntil(() => red(el), 'drawn again after the restore', PATIENCE);
    expect(contexts.size, 'still one context').to.equal(1);
  });

  it('should keep the last picture while video uploads come back empty', async function () {
    this.timeout(30_000);
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="stacked" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = testManifest();
    await ready;
    await waitUntil(() => red(el), 'the character on screen', PATIENCE);
    // Only WebKit off Apple checks its uploads by default (GStreamer's now and then come back empty: stacked-gl.ts).
    expect(uploads.checked, 'uploads checked by default').to.equal(webkitGtk);
    uploads.checked = true;
    // The next uploads of the playing video are empty textures of its size, as GStreamer's failed ones are.
    const EMPTY = 12;
    let empty = 0;
    const texImage2D = WebGLRenderingContext.prototype.texImage2D as (...args: unknown[]) => void;
    WebGLRenderingContext.prototype.texImage2D = function (this: WebGLRenderingContext, ...args: unknown[]) {
      const source = args[5];
      if (!(source instanceof HTMLVideoElement) || empty >= EMPTY) return texImage2D.apply(this, args);
      empty++;
      const { videoWidth: width, videoHeight: height } = source;
      return texImage2D.call(this, args[0], args[1], args[2], width, height, 0, args[3], args[4], new Uint8Array(width * height * 4));
    } as typeof WebGLRenderingContext.prototype.texImage2D;
    const blank: number[] = [];
    try {
      for (let frame = 0; empty < EMPTY && frame < 600; frame++) {
        await nextFrame();
        if (!red(el)) blank.push(frame);
      }
    } finally {
      WebGLRenderingContext.prototype.texImage2D = texImage2D as typeof WebGLRenderingContext.prototype.texImage2D;
      uploads.checked = webkitGtk;
    }
    expect(empty, 'empty uploads made').to.equal(EMPTY);
    expect(blank, 'frames without the character').to.deep.equal([]);
    const canvas = snapshot(el).media as HTMLCanvasElement;
    canvas.getContext('2d')!.clearRect(0, 0, canvas.width, canvas.height); // only a new draw paints it back
    await waitUntil(() => red(el), 'drawn again once uploads work', PATIENCE);
  });
});
