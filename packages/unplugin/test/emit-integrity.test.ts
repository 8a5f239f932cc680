// A warm Vite build checks only sizes in the cache and hashes each file from the buffer it emits: bytes
// corrupted in place (same length) are never emitted, the file is fetched (or re-encoded) again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from 'masko-emulator';
import { expect, test } from 'vitest';
import maskoVite from '../src/vite.js';
import { fileEmulator } from './helpers.js';

const env = fileEmulator();

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function build(root: string): Promise<Map<string, Buffer>> {
  const { build: viteBuild } = await import('vite');
  const plugin = maskoVite({
    configFile: false,
    dts: false,
    apiUrl: env.emulator.apiUrl,
    apiKey: `masko_${'0'.repeat(64)}`,
    cacheDir: join(root, '.cache'),
    mascots: { felix: { collection: DEMO.collectionId, formats: ['webm', 'png'], sizes: [360] } },
  });
  await viteBuild({ root, configFile: false, logLevel: 'silent', plugins: [plugin], build: { outDir: join(root, 'dist'), emptyOutDir: true } });
  const dir = join(root, 'dist/assets');
  return new Map(
    readdirSync(dir)
      .filter((n) => n.startsWith('felix-'))
      .map((n) => [n, readFileSync(join(dir, n))]),
  );
}

/** Every cached file (originals and posters) whose name is its sha256, with its path. */
function cachedFiles(root: string): { path: string; sha256: string }[] {
  const out: { path: string; sha256: string }[] = [];
  for (const area of ['files', 'derived']) {
    const base = join(root, '.cache', area);
    for (const sub of readdirSync(base)) {
      for (const name of readdirSync(join(base, sub)).filter((n) => !n.endsWith('.json')))
        out.push({ path: join(base, sub, name), sha256: name.split('.')[0]! });
    }
  }
  return out;
}

test('a warm build never emits corrupted cached bytes: it fetches the video and re-encodes the poster', async () => {
  const root = env.tempDir('masko-emit-');
  writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
  writeFileSync(join(root, 'main.js'), "import felix from 'virtual:masko/felix';\nconsole.log(felix.initial);\n");
  const cold = await build(root);
  expect(cold.size).toBeGreaterThan(4);

  const originals = cachedFiles(root).filter((f) => f.path.includes('/files/'));
  const video = originals.find((f) => f.path.endsWith('.webm'))!;
  const poster = cachedFiles(root).find((f) => f.path.includes('/derived/'))!;
  const posterSha = sha(readFileSync(poster.path)); // derived files are named by their key, not their hash
  for (const victim of [video.path, poster.path]) {
    const bytes = readFileSync(victim);
    bytes[bytes.length >> 1]! ^= 0xff; // same length: a size check alone cannot see it
    writeFileSync(victim, bytes);
  }
  const before = env.emulator.requests().length;
  const warm = await build(root);

  expect([...warm.keys()].sort()).toEqual([...cold.keys()].sort());
  for (const [name, bytes] of warm) expect(bytes.equals(cold.get(name)!), name).toBe(true);
  const fetched = env.emulator
    .requests()
    .slice(before)
    .filter((r) => r.method === 'GET' && r.path.endsWith('.webm'));
  expect(fetched).toHaveLength(1);
  expect(sha(readFileSync(video.path))).toBe(video.sha256);
  expect(sha(readFileSync(poster.path))).toBe(posterSha);
}, 120_000);
