/**
 * A download that fails for good, over real HTTP against the emulator: the sync stops the other
 * downloads, returns only once nothing writes into the cache any more, and names the URL.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { join } from 'pathe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaskoContext } from '../src/core/context.js';

const KEY = `masko_${'d0d0'.repeat(16)}`;
let emu: Emulator;
let root: string;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, admin: true, jobDelayMs: 50, rateLimit: false });
  root = await mkdtemp(join(tmpdir(), 'masko-fail-'));
});
afterAll(async () => {
  await emu?.close();
  await rm(root, { recursive: true, force: true });
});

async function cacheTree(cacheDir: string): Promise<string[]> {
  if (!existsSync(cacheDir)) return [];
  return (await readdir(cacheDir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('a download failing for good', () => {
  it('aborts the other downloads and rejects only once none is writing, naming the URL', async () => {
    const cacheDir = join(root, 'cache');
    // Every file of every size and format, 2 at a time: plenty still queued or streaming when one fails.
    const ctx = new MaskoContext(
      {
        root,
        configFile: false,
        apiKey: KEY,
        apiUrl: emu.apiUrl,
        cacheDir,
        concurrency: 2,
        mascots: { felix: { collection: DEMO.collectionId } },
      },
      { mode: 'build', logger: { info() {}, warn() {} } },
    );
    // Slow bodies keep the others busy; one webm answers 503 for longer than the retries last.
    emu.addFault({ kind: 'stall', origin: 'assets', afterBytes: 1000, stallMs: 150 });
    emu.addFault({ kind: 'status', status: 503, origin: 'assets', path: '/**/idle-*-160.webm', count: 100 });
    const error = await ctx.prepare().then(
      () => undefined,
      (e: Error) => e,
    );
    const atReturn = await cacheTree(cacheDir);
    const requestsAtReturn = emu.requests().length;
    emu.clearFaults();

    expect(error?.message).toMatch(/^\[masko\] /);
    expect(error?.message).toMatch(new RegExp(`${emu.assetsUrl.replace(/[.]/g, '\\.')}/\\S+-160\\.webm`));
    // Nothing half-written, nothing still arriving: what is there at return is all that ever will be.
    expect(atReturn.filter((f) => f.includes('/incoming/') || f.endsWith('.tmp'))).toEqual([]);
    await new Promise((r) => setTimeout(r, 600));
    expect(await cacheTree(cacheDir)).toEqual(atReturn);
    expect(emu.requests().length).toBe(requestsAtReturn);
    expect(existsSync(join(root, 'masko.lock.json'))).toBe(false);
    // The abort stopped the rest: fewer files were asked for than the plan holds (a clean re-run fetches them).
    const asked = new Set(
      emu
        .requests()
        .filter((q) => q.origin === 'assets')
        .map((q) => q.path),
    ).size;
    const clean = await ctx.prepare();
    const planned = Object.values(clean.lock.mascots.felix!.poses)
      .concat(clean.lock.mascots.felix!.transitions)
      .flatMap((c) => c.files).length;
    expect(asked).toBeLessThan(planned);
  });
});
