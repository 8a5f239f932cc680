/**
 * Item names that are long or that JavaScript treats specially (a rewriting proxy renames the demo's
 * items): a 300-character name used to crash `masko pull` with ENAMETOOLONG, and an item named
 * `__proto__` vanished from the lockfile and masko.d.ts (assigned to a plain object). Every such name is
 * now a pose like any other — in the lockfile, masko.d.ts, the pulled manifest and a real Rollup build —
 * with short file names; a name too long to lock is refused before any download.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import type { MascotManifest } from 'masko-manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiProxy } from './api-proxy.js';
import { listTree, makeProject, runMasko, snapshot } from './harness.js';

const ITEMS = `/v1/collections/${DEMO.collectionId}/items`;
const LONG = `Felix ${'waves at you '.repeat(25)}`.slice(0, 300);

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false });
});
afterAll(async () => {
  await emu?.close();
});

/** A proxy that renames the demo's four poses. */
const renaming = (names: Record<string, string>) =>
  apiProxy(emu, (path, body) =>
    path === ITEMS
      ? { json: { ...(body as object), data: (body as { data: { name: string }[] }).data.map((i) => ({ ...i, name: names[i.name] ?? i.name })) } }
      : undefined,
  );

async function pullWith(names: Record<string, string>, mascotKey = 'felix') {
  const proxy = await renaming(names);
  const project = await makeProject({ mascots: { [mascotKey]: { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm'] } } }, { nested: true });
  const run = await runMasko(['pull', '--out', join(project.root, 'site'), '--root', project.root], { MASKO_API_URL: proxy.apiUrl });
  await proxy.close();
  return { project, run };
}

/**
 * `virtual:masko/<key>` through a real bundler build (Rollup, offline from the lockfile and cache the pull
 * left), then run: the poses the shipped manifest really has.
 */
async function builtModule(root: string, key: string): Promise<MascotManifest> {
  const { rollup } = await import('rollup');
  const masko = (await import('unplugin-masko/rollup')).default;
  await writeFile(join(root, 'entry.mjs'), `export { default } from 'virtual:masko/${key}';\n`);
  const bundle = await rollup({ input: join(root, 'entry.mjs'), plugins: [masko({ root, offline: true })], logLevel: 'silent' });
  try {
    await bundle.write({ dir: join(root, 'built'), format: 'es', entryFileNames: 'module.mjs' });
  } finally {
    await bundle.close();
  }
  return ((await import(pathToFileURL(join(root, 'built/module.mjs')).href)) as { default: MascotManifest }).default;
}

describe('odd item names', () => {
  for (const [what, names, key] of [
    ['a 300-character name and __proto__, constructor, toString', { Idle: LONG, Wave: '__proto__', 'Thumbs Up': 'constructor', Thinking: 'toString' }, 'felix'],
    [
      'prototype, hasOwnProperty, valueOf, __defineGetter__, under the mascot key "constructor"',
      { Idle: 'prototype', Wave: 'hasOwnProperty', 'Thumbs Up': 'valueOf', Thinking: '__defineGetter__' },
      'constructor',
    ],
  ] as const) {
    it(`${what}: every pose in the lockfile, masko.d.ts, the pulled manifest and the module; short file names`, async () => {
      const { project, run } = await pullWith(names, key);
      try {
        expect(run.code, run.out).toBe(0);
        const expected = Object.values(names).sort();
        const lock = JSON.parse(await readFile(project.lockfile, 'utf8')) as { mascots: Record<string, { poses: Record<string, unknown> }> };
        expect(Object.keys(lock.mascots)).toEqual([key]);
        expect(Object.keys(lock.mascots[key]!.poses).sort()).toEqual(expected);

        const dts = await readFile(project.dts, 'utf8');
        const union = new RegExp(`declare module 'virtual:masko/${key}' \\{\\n  export type Pose = (.*)\\n`).exec(dts);
        expect(union?.[1]).toBe(expected.map((n) => JSON.stringify(n)).join(' | '));

        const pulled = JSON.parse(await readFile(join(project.root, `site/${key}.json`), 'utf8')) as MascotManifest;
        expect(Object.keys(pulled.poses).sort()).toEqual(expected);
        const evaluated = await builtModule(project.root, key);
        expect(Object.keys(evaluated.poses).sort()).toEqual(expected);
        expect(Object.getPrototypeOf(evaluated.poses)).toBe(Object.prototype); // `__proto__` stayed a key

        // File names: capped slugs (a hash keeps long names apart), far below the 255 bytes a name may have.
        const assets = await readdir(join(project.root, 'site/assets'));
        expect(assets.length).toBeGreaterThan(8);
        for (const name of assets) expect(name).toMatch(/^[a-z0-9-]{1,120}\.[0-9a-f]{8}\.(png|webm)$/);
        const allowed = new RegExp(
          `^p/q/r/(masko\\.config\\.json|masko\\.lock\\.json|masko\\.d\\.ts|entry\\.mjs|built/.+|site/${key}\\.json|site/assets/[a-z0-9-]+\\.[0-9a-f]{8}\\.(png|webm)|\\.cache/masko/.+)$`,
        );
        expect((await listTree(project.outer)).filter((f) => !allowed.test(f))).toEqual([]);
        expect((await snapshot(project)).corrupt).toEqual([]);
      } finally {
        await project.close();
      }
    }, 120_000);
  }

  it('two names that make the same slug keep two poses and two sets of files', async () => {
    const { project, run } = await pullWith({ Wave: 'Wave!', 'Thumbs Up': 'wave?' });
    try {
      expect(run.code, run.out).toBe(0);
      const pulled = JSON.parse(await readFile(join(project.root, 'site/felix.json'), 'utf8')) as MascotManifest;
      const a = pulled.poses['Wave!']!.media.webm!.map((v) => v.url);
      const b = pulled.poses['wave?']!.media.webm!.map((v) => v.url);
      expect(a.length).toBeGreaterThan(0);
      expect(a.filter((url) => b.includes(url))).toEqual([]);
    } finally {
      await project.close();
    }
  }, 120_000);

  it('a name longer than the lockfile keeps (1001 characters) is refused before any download', async () => {
    const before = emu.requests().filter((r) => r.origin === 'assets').length;
    const { project, run } = await pullWith({ Idle: 'x'.repeat(1001) });
    try {
      expect(run.code, run.out).toBe(1);
      expect(run.out).toMatch(/\[masko\] item names longer than 1000 characters: felix\/item \S+ \(1001 characters\); nothing was downloaded/);
      expect(run.out).not.toMatch(/^\s+at /m);
      expect(emu.requests().filter((r) => r.origin === 'assets').length).toBe(before);
      expect((await snapshot(project)).lock).toBeUndefined();
    } finally {
      await project.close();
    }
  }, 120_000);
});
