import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MaskoMascot } from '../../src/index.js';
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
const { sharedContext } = await import('../../src/renderers/stacked-gl.js');

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
});
