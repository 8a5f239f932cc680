/**
 * Bad plugin options and config files: each fails before any request with a `[masko]` error naming
 * the option and what was expected, and writes nothing (no cache, lockfile or masko.d.ts).
 */
import { writeFile } from 'node:fs/promises';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaskoContext } from '../../packages/unplugin/src/core/context.js';
import { KEY, listTree, makeProject } from './harness.js';

const felix = { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm'] };

/** [what, options (merged over a valid base), the option path the message must name, what it must say] */
const CASES: [string, Record<string, unknown>, string, RegExp][] = [
  ['collection of the wrong type', { mascots: { felix: { ...felix, collection: 42 } } }, 'mascots.felix.collection', /collection id/],
  [
    'missing collection',
    { mascots: { felix: { sizes: [160] } } },
    'mascots.felix.collection',
    /^expected a collection id \(letters, digits, "-" and "_", 1 to 128 characters\), received undefined$/,
  ],
  // Ids go into API paths: each of these would reach another endpoint (with the key) after URL normalisation.
  [
    'collection id ".."',
    { mascots: { felix: { ...felix, collection: '..' } } },
    'mascots.felix.collection',
    /^expected a collection id \(letters, digits, "-" and "_", 1 to 128 characters\), received "\.\."$/,
  ],
  ['collection id "."', { mascots: { felix: { ...felix, collection: '.' } } }, 'mascots.felix.collection', /collection id .*received "\."$/],
  [
    'collection id with a slash',
    { mascots: { felix: { ...felix, collection: '../projects' } } },
    'mascots.felix.collection',
    /collection id .*received "\.\.\/projects"$/,
  ],
  [
    'collection id percent-encoded',
    { mascots: { felix: { ...felix, collection: '%2e%2e' } } },
    'mascots.felix.collection',
    /collection id .*received "%2e%2e"$/,
  ],
  ['collection id empty', { mascots: { felix: { ...felix, collection: '' } } }, 'mascots.felix.collection', /collection id .*received ""$/],
  ['canvas id ".."', { mascots: { felix: { ...felix, canvas: '..' } } }, 'mascots.felix.canvas', /canvas id .*received "\.\."$/],
  ['mascot key of 65 characters', { mascots: { ['k'.repeat(65)]: felix } }, `mascots.${'k'.repeat(65)}`, /at most 64 characters/],
  [
    'unknown mascot key',
    { mascots: { felix: { ...felix, colour: 'red' } } },
    'mascots.felix.colour',
    /expected a known option \(one of collection, .*\), received "colour"/,
  ],
  ['unknown top-level key', { mascot: { felix } }, 'mascot', /expected a known option \(one of mascots, .*\), received "mascot"/],
  ['negative size', { mascots: { felix: { ...felix, sizes: [-1] } } }, 'mascots.felix.sizes.0', /positive integer/],
  ['fractional size', { mascots: { felix: { ...felix, sizes: [160.5] } } }, 'mascots.felix.sizes.0', /positive integer/],
  ['sizes not an array', { mascots: { felix: { ...felix, sizes: 'big' } } }, 'mascots.felix.sizes', /array of widths/],
  ['unknown format', { mascots: { felix: { ...felix, formats: ['gif'] } } }, 'mascots.felix.formats.0', /'webm'/],
  ['no formats', { mascots: { felix: { ...felix, formats: [] } } }, 'mascots.felix.formats', /at least one format/],
  [
    'pose duration 0',
    { mascots: { felix: { ...felix, poses: { Dance: { image: 'x', animation: 'y', duration: 0 } } } } },
    'mascots.felix.poses.Dance.duration',
    /at least 1 second/,
  ],
  [
    'pose with an unknown field',
    { mascots: { felix: { ...felix, poses: { Dance: { prompt: 'x' } } } } },
    'mascots.felix.poses.Dance.prompt',
    /expected a known option \(one of image, animation, duration, loop, edit\)/,
  ],
  ['generate: true', { generate: true }, 'generate', /false or \{ maxCredits/],
  ['negative budget', { generate: { maxCredits: -5 } }, 'generate.maxCredits', /^expected a non-negative integer, received -5$/],
  ['concurrency 0', { concurrency: 0 }, 'concurrency', /positive integer/],
  ['cacheDir of the wrong type', { cacheDir: 42 }, 'cacheDir', /directory path/],
  ['dts of the wrong type', { dts: 5 }, 'dts', /file path/],
  ['mascot key with a path', { mascots: { '../evil': felix } }, 'mascots.../evil', /letters, digits/],
  ['mascot key absolute', { mascots: { '/etc/passwd': felix } }, 'mascots./etc/passwd', /letters, digits/],
  ['api key of the wrong shape', { apiKey: 'sk-live-not-a-masko-key' }, 'apiKey', /'masko_' followed by 64/],
  ['apiUrl not a URL', { apiUrl: 'api.masko.ai' }, 'apiUrl', /^expected an absolute http\(s\) URL \(http: or https:\), received "api\.masko\.ai"$/],
  [
    'apiUrl javascript:',
    { apiUrl: 'javascript:alert(1)' },
    'apiUrl',
    /^expected an absolute http\(s\) URL \(http: or https:\), received "javascript:alert\(1\)"$/,
  ],
  ['apiUrl ftp:', { apiUrl: 'ftp://api.masko.ai/v1' }, 'apiUrl', /^expected an absolute http\(s\) URL \(http: or https:\), received "ftp:/],
];

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emu?.close();
});

async function prepare(root: string, options: Record<string, unknown>): Promise<string> {
  const ctx = new MaskoContext({ root, configFile: false, apiKey: KEY, apiUrl: emu.apiUrl, mascots: { felix }, ...options } as never, {
    mode: 'build',
    logger: { info() {}, warn() {} },
  });
  return ctx.prepare().then(
    () => 'resolved',
    (e: Error) => e.message,
  );
}

describe('bad plugin options', () => {
  for (const [what, options, path, expected] of CASES) {
    it(`${what}: names "${path}", writes nothing, sends nothing`, async () => {
      const project = await makeProject({});
      try {
        const before = await listTree(project.root);
        const sent = emu.requests().length;
        const message = await prepare(project.root, options);
        expect(message).toMatch(/^\[masko\] /);
        // One formatter for every option error: `[masko] <path>: expected …, received …` (one line per issue).
        const line = message
          .split('\n')
          .map((l) => l.replace(/^(\[masko\]|)\s*/, ''))
          .find((l) => l.startsWith(`${path}: `));
        expect(line, message).toBeDefined();
        expect(line!.slice(path.length + 2)).toMatch(expected);
        expect(line).not.toMatch(/Invalid|but received|received.*received/);
        expect(message).not.toContain(KEY);
        if (path === 'apiKey') expect(message).not.toContain('sk-live-not-a-masko-key');
        expect(await listTree(project.root)).toEqual(before);
        expect(emu.requests().length).toBe(sent);
      } finally {
        await project.close();
      }
    });
  }

  it('a config file with truncated JSON fails naming the file, writes nothing', async () => {
    const project = await makeProject({});
    try {
      await writeFile(`${project.root}/masko.config.json`, '{"mascots": {"felix": {"collection": "');
      const before = await listTree(project.root);
      const ctx = new MaskoContext({ root: project.root, apiKey: KEY, apiUrl: emu.apiUrl }, { mode: 'build', logger: { info() {}, warn() {} } });
      const message = await ctx.prepare().then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      expect(message).toMatch(/masko\.config\.json/);
      expect(await listTree(project.root)).toEqual(before);
    } finally {
      await project.close();
    }
  });
});
