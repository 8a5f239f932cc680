import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/core/options.js';

const KEY = `masko_${'ab'.repeat(32)}`;

describe('resolveOptions', () => {
  it('applies every default relative to root', () => {
    const o = resolveOptions({ root: '/proj', mascots: { felix: { collection: 'c1' } } }, {});
    expect(o).toMatchObject({
      root: '/proj', cacheDir: '/proj/node_modules/.cache/masko', lockfile: '/proj/masko.lock.json', dts: '/proj/masko.d.ts',
      generate: false, offline: false, frozen: false, apiUrl: 'https://api.masko.ai/v1', concurrency: 6,
    });
    expect(o.mascots[0]).toMatchObject({ key: 'felix', include: undefined, canvas: undefined, formats: ['hevc', 'png', 'stacked', 'webm'] });
  });

  it('reads the key, URL and modes from the environment', () => {
    const o = resolveOptions({}, { MASKO_API_KEY: KEY, MASKO_API_URL: 'http://127.0.0.1:1/v1', MASKO_OFFLINE: '1', MASKO_FROZEN: '1' });
    expect(o).toMatchObject({ apiKey: KEY, apiUrl: 'http://127.0.0.1:1/v1', offline: true, frozen: true });
  });

  it('names the option and the expected value', () => {
    expect(() => resolveOptions({ mascots: { felix: { collection: 'c', sizes: [-3] } } }, {})).toThrow(/option "mascots\.felix\.sizes\.0": expected a width in pixels/);
    expect(() => resolveOptions({ mascots: { felix: { collection: 'c', formats: ['gif'] } } }, {})).toThrow(/mascots\.felix\.formats\.0.*expected one of 'webm'/);
    expect(() => resolveOptions({ generate: { maxCredits: 'lots' } }, {})).toThrow(/option "generate.*"/);
    expect(() => resolveOptions({ mascots: { 'bad key!': { collection: 'c' } } }, {})).toThrow(/keys of letters, digits/);
    expect(() => resolveOptions({ cachDir: 'x' }, {})).toThrow(/cachDir/);
  });

  it('never echoes a malformed API key', () => {
    const bad = `masko_${'zz'.repeat(32)}`;
    let message = '';
    try { resolveOptions({ apiKey: bad }, {}); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/option "apiKey": expected 'masko_' followed by 64/);
    expect(message).not.toContain(bad);
  });
});
