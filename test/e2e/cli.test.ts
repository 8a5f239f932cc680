/**
 * The `masko` CLI as a user runs it (a child process, config from masko.config.ts, key from the
 * environment): `sync` alone makes `tsc` check pose names, `status` and `generate --dry-run` report,
 * `pull --out` output plays in <masko-mascot>, and the key appears in no output or file.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, probe, serve } from './helpers.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO, 'packages/unplugin/src/cli.ts');
const PLAYER = join(REPO, 'packages/player/dist/masko-mascot.js');
const KEY = `masko_${'c11c'.repeat(16)}`;

let emu: Emulator;
let root: string;
const outputs: string[] = [];

async function masko(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return maskoWith({}, ...args);
}

async function maskoWith(extraEnv: Record<string, string>, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const env = { ...process.env, MASKO_API_KEY: KEY, MASKO_API_URL: emu.apiUrl, CI: '1', NO_COLOR: '1', ...extraEnv };
  const result = await run(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args, '--root', root], {
    env,
    cwd: REPO,
    timeout: 120_000,
  }).then(
    (r) => ({ ...r, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }),
  );
  outputs.push(result.stdout, result.stderr);
  return result;
}

/** Copies the standalone element build and the chunks it loads (relative imports, followed recursively). */
async function copyStandalone(entry: string, out: string, seen = new Set<string>()): Promise<void> {
  if (seen.has(entry)) return;
  seen.add(entry);
  await copyFile(entry, join(out, basename(entry)));
  const code = await readFile(entry, 'utf8');
  for (const [, rel] of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.\/[^"']+\.js)["']/g)) {
    await copyStandalone(join(dirname(entry), rel!), out, seen);
  }
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, admin: true, jobDelayMs: 100 });
  root = await mkdtemp(join(tmpdir(), 'masko-cli-'));
  await writeFile(
    join(root, 'masko.config.ts'),
    [
      `const config: { mascots: Record<string, { collection: string; sizes: number[]; poses?: Record<string, object> }> } = {`,
      `  mascots: { felix: { collection: '${DEMO.collectionId}', sizes: [360] } },`,
      `};`,
      `export default config;`,
    ].join('\n'),
  );
}, 60_000);

afterAll(async () => {
  await emu?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('masko CLI', () => {
  it('sync writes the lockfile and masko.d.ts, so tsc checks pose names with no bundler run', async () => {
    const sync = await masko('sync');
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout + sync.stderr).toMatch(/1 mascot\(s\), \d+ assets .*credits spent 0, lockfile updated/);
    expect(sync.stdout + sync.stderr).toMatch(/downloaded \d+\/\d+ files/);
    expect(existsSync(join(root, 'masko.lock.json'))).toBe(true);

    await writeFile(
      join(root, 'good.ts'),
      `import felix, { type Pose } from 'virtual:masko/felix';\nconst p: Pose = 'Thumbs Up';\nexport const poster = felix.poses[p].poster;\nexport const wave = felix.poses.Wave;\n`,
    );
    await writeFile(
      join(root, 'bad.ts'),
      `import felix, { type Pose } from 'virtual:masko/felix';\nexport const p: Pose = 'Wavy';\nexport const q = felix.poses.Dance;\n`,
    );
    await writeFile(
      join(root, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          skipLibCheck: true,
          baseUrl: '.',
          paths: { 'masko-manifest': [join(REPO, 'packages/manifest/src/index.ts')] },
        },
        // The shipped wildcard fallback is included too: the exact declarations must win over it.
        files: [join(REPO, 'packages/unplugin/types/virtual.d.ts'), 'masko.d.ts', 'good.ts', 'bad.ts'],
      }),
    );
    const tsc = await run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { cwd: root }).then(
      (r) => r.stdout,
      (e: { stdout: string }) => e.stdout,
    );
    const errors = tsc.split('\n').filter((l) => /error TS/.test(l));
    expect(errors.filter((l) => !l.startsWith('bad.ts'))).toEqual([]);
    expect(errors.some((l) => l.startsWith('bad.ts(2,') && l.includes('"Wavy"'))).toBe(true);
    expect(errors.some((l) => l.startsWith('bad.ts(3,') && l.includes('Dance'))).toBe(true);
  }, 120_000);

  it('status reports what is locked and cached; generate --dry-run prices missing poses and spends nothing', async () => {
    const status = await masko('status');
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout + status.stderr).toMatch(/felix: "Felix the Fox", 4 poses, \d+ transitions, (\d+)\/\1 files cached; lock matches the options/);

    const config = await readFile(join(root, 'masko.config.ts'), 'utf8');
    await writeFile(
      join(root, 'masko.config.ts'),
      config.replace('sizes: [360] }', `sizes: [360], poses: { Dance: { image: 'Felix dancing', animation: 'a jig', duration: 3 } } }`),
    );
    const before = emu.requests().filter((r) => r.method === 'POST').length;
    const dry = await masko('generate', '--dry-run');
    await writeFile(join(root, 'masko.config.ts'), config);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout + dry.stderr).toMatch(/would generate felix\/"Dance" \(animation\) for 16 credits/);
    expect(dry.stdout + dry.stderr).toMatch(/total 16 credits \(generation is off, would fail\); nothing was spent/);
    expect(emu.requests().filter((r) => r.method === 'POST').length).toBe(before);
  }, 120_000);

  it('pull --out writes manifest JSON and assets that play in the standalone <masko-mascot>', async () => {
    // The manifest sits in a sub-folder of the page: its asset URLs must resolve against the JSON, not the page.
    const out = join(root, 'site');
    const pull = await masko('pull', '--out', join(out, 'mascots'));
    expect(pull.code, pull.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, 'mascots/felix.json'), 'utf8')) as { poses: Record<string, { media: { webm: { url: string }[] } }> };
    expect(manifest.poses.Idle!.media.webm[0]!.url).toMatch(/^assets\/felix-idle-webm-360\.[0-9a-f]{8}\.webm$/);
    const files = (await readdir(join(out, 'mascots/assets'))).sort();
    expect(files.length).toBeGreaterThan(8);
    if (!existsSync(PLAYER)) throw new Error(`${PLAYER} is missing: run \`npm run build -w packages/player\` first`);
    await copyStandalone(PLAYER, out);
    await copyFile(fileURLToPath(new URL('./fixtures/pull-page.html', import.meta.url)), join(out, 'index.html'));
    const server = await serve(out);
    const browser = await launchChromium();
    try {
      const report = await probe(browser, server.url);
      expect(report.error).toBeUndefined();
      expect(report.failed).toEqual([]);
      expect(report.url).toMatch(/assets\/felix-idle-webm-360\.[0-9a-f]{8}\.webm$/);
      expect(report.opaque).toBeGreaterThan(100);
      expect(report.corner).toBe(0);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);

  it('never prints or writes the API key', async () => {
    // Errors too: an unreachable API and an unknown collection.
    const unreachable = await maskoWith({ MASKO_API_URL: 'http://127.0.0.1:9/v1' }, 'status');
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.stderr + unreachable.stdout).toMatch(/\[masko\]/);
    const written: string[] = [];
    for (const entry of await readdir(root, { recursive: true })) {
      const name = String(entry);
      if (/\.(json|ts|js|html)$/.test(name)) written.push(await readFile(join(root, name), 'utf8'));
    }
    expect(outputs.join('\n')).not.toContain(KEY);
    expect(written.join('\n')).not.toContain(KEY);
    expect(written.length).toBeGreaterThan(5);
  }, 60_000);
});
