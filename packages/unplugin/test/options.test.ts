import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/core/options.js';

const KEY = `masko_${'ab'.repeat(32)}`;

describe('resolveOptions', () => {
  it('applies every default relative to root', () => {
    const o = resolveOptions({ root: '/proj', mascots: { felix: { collection: 'c1' } } }, {});
    expect(o).toMatchObject({
      root: '/proj',
      cacheDir: '/proj/node_modules/.cache/masko',
      lockfile: '/proj/masko.lock.json',
      dts: '/proj/masko.d.ts',
      generate: false,
      offline: false,
      frozen: false,
      apiUrl: 'https://api.masko.ai/v1',
      concurrency: 16,
    });
    expect(o.mascots[0]).toMatchObject({ key: 'felix', include: undefined, canvas: undefined, formats: ['hevc', 'png', 'stacked', 'webm'] });
  });

  it('reads the key, URL and modes from the environment', () => {
    const o = resolveOptions({}, { MASKO_API_KEY: KEY, MASKO_API_URL: 'http://127.0.0.1:1/v1', MASKO_OFFLINE: '1', MASKO_FROZEN: '1' });
    expect(o).toMatchObject({ apiKey: KEY, apiUrl: 'http://127.0.0.1:1/v1', offline: true, frozen: true });
  });

  it('names the option and the expected value', () => {
    expect(() => resolveOptions({ mascots: { felix: { collection: 'c', sizes: [-3] } } }, {})).toThrow(
      /mascots\.felix\.sizes\.0: expected a width in pixels \(positive integer\), received -3/,
    );
    expect(() => resolveOptions({ mascots: { felix: { collection: 'c', formats: ['gif'] } } }, {})).toThrow(
      /mascots\.felix\.formats\.0.*expected one of 'webm'/,
    );
    expect(() => resolveOptions({ generate: { maxCredits: 'lots' } }, {})).toThrow(/generate: expected false or \{ maxCredits/);
    expect(() => resolveOptions({ mascots: { 'bad key!': { collection: 'c' } } }, {})).toThrow(/keys of letters, digits/);
    expect(() => resolveOptions({ cachDir: 'x' }, {})).toThrow(/cachDir/);
  });

  it('reads every issue as `<path>: expected …, received …`, missing keys and unknown keys included', () => {
    const message = (raw: unknown, env: Record<string, string> = {}) => {
      try {
        resolveOptions(raw, env);
        return 'resolved';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(message({ mascots: { felix: { sizes: [160] } } })).toMatch(
      /^\[masko\] mascots\.felix\.collection: expected a collection id \(letters, digits, "-" and "_", 1 to 128 characters\), received undefined\n/,
    );
    expect(message({ mascots: { felix: { collection: 'c', colour: 'red' } } })).toMatch(
      /^\[masko\] mascots\.felix\.colour: expected a known option \(one of collection, poses, .*\), received "colour"/,
    );
    expect(message({ generate: { maxCredits: -5 } })).toMatch(/^\[masko\] generate\.maxCredits: expected a non-negative integer, received -5/);
    // Two issues, two lines, one prefix; never valibot's "Invalid …: Expected … but received" and never "received" twice.
    const two = message({ mascots: { felix: { collection: 42, sizes: [-1] } } });
    expect(two.split('\n').slice(0, 2)).toEqual([
      '[masko] mascots.felix.collection: expected a collection id (letters, digits, "-" and "_", 1 to 128 characters), received 42',
      '  mascots.felix.sizes.0: expected a width in pixels (positive integer), received -1',
    ]);
    for (const m of [two, message({ mascots: { felix: {} } }), message({ mascot: {} }), message('str')]) {
      expect(m).not.toMatch(/Invalid|but received|received.*received/);
    }
  });

  it('accepts only http(s) API URLs, from the option and from MASKO_API_URL', () => {
    expect(resolveOptions({ apiUrl: 'http://127.0.0.1:4010/v1' }, {}).apiUrl).toBe('http://127.0.0.1:4010/v1');
    for (const apiUrl of ['javascript:alert(1)', 'ftp://api.masko.ai/v1', 'file:///etc/passwd', 'api.masko.ai']) {
      expect(() => resolveOptions({ apiUrl }, {})).toThrow(
        new RegExp(`^\\[masko\\] apiUrl: expected an absolute http\\(s\\) URL \\(http: or https:\\), received "${apiUrl.replace(/[.()/]/g, '\\$&')}"`),
      );
    }
    expect(() => resolveOptions({}, { MASKO_API_URL: 'javascript:alert(1)' })).toThrow(/^\[masko\] MASKO_API_URL: expected an absolute http\(s\) URL/);
  });

  it('never echoes a malformed API key', () => {
    const bad = `masko_${'zz'.repeat(32)}`;
    let message = '';
    try {
      resolveOptions({ apiKey: bad }, {});
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/apiKey: expected 'masko_' followed by 64/);
    expect(message).not.toContain(bad);
  });
});
