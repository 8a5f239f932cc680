/**
 * Every entry a server renderer may import loads in plain Node (no DOM, no `customElements`): the
 * element's entries, the React wrapper (a client component) and the framework entries. Each import
 * runs in a fresh Node process, as an SSR server would load it, from the built packages.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { REPO } from './workspace.js';

const exec = promisify(execFile);

const ENTRIES = [
  'masko-mascot',
  'masko-mascot/react',
  'masko-mascot/fallback',
  'masko-mascot/state-machine',
  'unplugin-masko',
  'unplugin-masko/next',
  'unplugin-masko/nuxt',
  'unplugin-masko/astro',
];

test.each(ENTRIES)('%s imports in Node without throwing', async (entry) => {
  const script = `const m = await import(${JSON.stringify(entry)}); console.log(Object.keys(m).sort().join(','));`;
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO });
  expect(stdout.trim().length).toBeGreaterThan(0);
});

test('the React wrapper is a client component, so Server Components render it', async () => {
  const { stdout } = await exec(
    process.execPath,
    [
      '-e',
      `process.stdout.write(require('fs').readFileSync(require.resolve('masko-mascot/package.json').replace('package.json', 'dist/react.js'), 'utf8').split('\\n')[0])`,
    ],
    { cwd: REPO },
  );
  expect(stdout).toBe('"use client";');
});

test('fallback() gives the box and the poster from a manifest, on the server', async () => {
  const script = [
    `const { fallback } = await import('masko-mascot/fallback');`,
    `const v = (w) => ({ url: '/p-' + w + '.png', type: 'image/png', width: w, height: w / 2 });`,
    `const m = { version: 1, name: 'x', initial: 'Idle', transitions: [], inputs: [], poses: { Idle: { loop: true, aspect: 2, poster: [v(480), v(240)], media: {} } } };`,
    `console.log(JSON.stringify(fallback(m, { width: 120 })));`,
  ].join('\n');
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO });
  const first = JSON.parse(stdout) as { style: string; html: string; img: { src: string; srcset: string; width: number; height: number } };
  expect(first.style).toBe('display:inline-block;vertical-align:bottom;width:120px;aspect-ratio:2');
  expect(first.img).toMatchObject({ src: '/p-240.png', srcset: '/p-240.png 240w, /p-480.png 480w', width: 240, height: 120 });
  expect(first.html).toMatch(/^<img src="\/p-240\.png" srcset="[^"]+" sizes="120px" width="240" height="120" alt="" decoding="async" style="[^"]+">$/);
});
