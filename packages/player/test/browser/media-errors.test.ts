import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { MaskoMascot } from '../../src/index.js';
import { FIXTURES, testManifest } from './fixtures.js';
import { loaded } from './pixels.js';

/** Collects console.warn lines while `run` goes. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return lines;
}

async function failingClip(url: string): Promise<{ reason: string; message: string; target?: string }> {
  const manifest = testManifest({ transitions: false });
  manifest.poses.Blue!.media.webm = [{ url, type: 'video/webm; codecs="vp09.00.10.08"', width: 64, height: 64 }];
  const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" style="width: 64px"></masko-mascot>`);
  const ready = loaded(el);
  el.manifest = manifest;
  await ready;
  const error = oneEvent(el, 'masko-error');
  await el.goTo('Blue').catch(() => {});
  return (await error).detail;
}

describe('media failures (issue 15)', () => {
  it('should report a clip that answers 404 as media-http, with the status and the URL', async () => {
    const url = new URL(`${FIXTURES}no-such-clip.webm`, location.href).href;
    const detail = await failingClip(url);
    expect(detail.reason).to.equal('media-http');
    expect(detail.message).to.contain('404').and.contain(url);
    expect(detail.target).to.equal(url);
  });

  it('should report a clip that answers an HTML page as media-http, not as a format error', async () => {
    const url = new URL(`${FIXTURES}csp.html`, location.href).href;
    const detail = await failingClip(url);
    expect(detail.reason).to.equal('media-http');
    expect(detail.message).to.contain('text/html').and.contain(url);
  });

  it('should warn in the console for a src that cannot be fetched', async () => {
    const lines = await warnings(async () => {
      const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" style="width: 64px"></masko-mascot>`);
      const error = oneEvent(el, 'masko-error');
      el.src = `${FIXTURES}mascott.json`;
      await error;
    });
    expect(
      lines.some((line) => line.includes('mascott.json') && line.includes('404')),
      lines.join('\n'),
    ).to.equal(true);
  });
});
