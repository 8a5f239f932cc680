/**
 * Masko's two other image operations, declaratively and against the emulator over real HTTP: an **edit**
 * pose (`Party: { edit: { from: 'Idle', … } }`) is made once, from Idle's image, for 1 credit, and pinned by
 * the lockfile; a **regeneration** (`masko generate --regenerate`) prices, asks, spends once even when its
 * POST's answer is lost, and pins the new assets (Masko keeps the old ones).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createMaskoClient } from 'masko-client';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { join } from 'pathe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateBody, SyncClient } from '../src/core/api-types.js';
import { loadClient } from '../src/core/client.js';
import { MaskoContext } from '../src/core/context.js';
import type { Lockfile } from '../src/core/lockfile.js';
import { resolveOptions } from '../src/core/options.js';
import { describeEdits } from '../src/core/pins.js';
import { checkBudget, regenerationFor, runRegeneration } from '../src/core/regenerate.js';
import type { MaskoOptions } from '../src/types.js';

const KEY = `masko_${'ed17'.repeat(16)}`;
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
let emu: Emulator;
const roots: string[] = [];
beforeAll(async () => {
  emu = await startEmulator({ admin: true, jobDelayMs: 50 });
});
afterAll(async () => {
  await emu.close();
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

async function tempRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'masko-edit-'));
  roots.push(root);
  return root;
}
const balance = async () => {
  const c = createMaskoClient({ apiKey: KEY, apiUrl: emu.apiUrl });
  try {
    return (await c.credits()).balance;
  } finally {
    await c.close();
  }
};
const during = async <T>(fn: () => Promise<T>) => {
  const before = emu.requests().length;
  const value = await fn();
  return { value, requests: emu.requests().slice(before) };
};
const lockOf = async (root: string) => JSON.parse(await readFile(join(root, 'masko.lock.json'), 'utf8')) as Lockfile;

/** The real client over HTTP, with the generation bodies it sends written down. */
function recordingClient(sent: GenerateBody[]) {
  return () => {
    const real: SyncClient = createMaskoClient({ apiKey: KEY, apiUrl: emu.apiUrl });
    return {
      ...real,
      generateBatch: (id: string, bodies: GenerateBody[]) => {
        sent.push(...bodies);
        return real.generateBatch(id, bodies);
      },
    } as SyncClient;
  };
}

describe('an edit pose', () => {
  const poses = { Idle: {}, Party: { edit: { from: 'Idle', instructions: 'add a party hat' } } };
  const options = (root: string, extra: MaskoOptions = {}): MaskoOptions => ({
    root,
    configFile: false,
    apiKey: KEY,
    apiUrl: emu.apiUrl,
    cacheDir: join(root, 'cache'),
    mascots: { felix: { collection: DEMO.collectionId, include: ['Wave'], poses } },
    generate: { maxCredits: 1 },
    ...extra,
  });

  it("is generated once from the source pose's image for 1 credit, pinned by the lockfile, and shown by status", async () => {
    emu.reset();
    const root = await tempRoot();
    const start = await balance();
    const sent: GenerateBody[] = [];
    const refused = await new MaskoContext(options(root, { generate: { maxCredits: 0 } }), {
      mode: 'build',
      logger: { info: () => undefined, warn: () => undefined },
    })
      .prepare()
      .then(
        () => 'ok',
        (e: Error) => e.message,
      );
    expect(refused).toMatch(/costs 1 credits, above generate.maxCredits = 0; nothing was spent/);

    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    const cold = await new MaskoContext(options(root), { mode: 'build', logger, createClient: recordingClient(sent) }).prepare();
    expect(lines).toContain('plan: generate felix/"Party" (edit, 1 credits) — total 1 credits (budget 1 credits)');
    expect(cold.sync?.creditsSpent).toBe(1);
    expect(start - (await balance())).toBe(1);

    const lock = await lockOf(root);
    const idle = lock.mascots.felix!.poses.Idle!;
    const party = lock.mascots.felix!.poses.Party!;
    const idlePng = idle.files.find((f) => f.format === 'png')!.asset;
    expect(sent).toEqual([{ type: 'edit', item_id: idle.item, source_image_asset_id: idlePng, edit_instructions: 'add a party hat' }]);
    expect(party).toMatchObject({ item: idle.item, loop: false, edit: { from: 'Idle', instructions: 'add a party hat' } });
    expect(party.files.map((f) => f.format)).toEqual(['png']);
    expect(party.files[0]!.asset).not.toBe(idlePng); // the edit's own image, not Idle's
    const manifest = cold.mascots.felix!.manifest;
    expect(manifest.poses.Party!.poster.length).toBeGreaterThan(0);
    expect(manifest.poses.Party!.media).toEqual({});
    expect(manifest.poses.Idle!.media.webm!.length).toBeGreaterThan(0);

    // Never again: a warm build asks nothing; re-resolving from the API (--update) finds it pinned.
    const warm = await during(() => new MaskoContext(options(root), { mode: 'build', logger }).prepare());
    expect(warm.requests).toEqual([]);
    const updated = await during(() => new MaskoContext(options(root), { mode: 'build', logger, update: true }).prepare());
    expect(updated.requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(updated.value.lockChanged).toBe(false);
    expect(start - (await balance())).toBe(1);

    const mascot = resolveOptions(options(root)).mascots[0]!;
    expect(describeEdits(lock.mascots.felix!, mascot)).toEqual(['"Party": edit of "Idle" ("add a party hat")']);
  });
});

describe('masko generate --regenerate', () => {
  const options = (root: string, maxCredits = 5): MaskoOptions => ({
    root,
    configFile: false,
    apiKey: KEY,
    apiUrl: emu.apiUrl,
    cacheDir: join(root, 'cache'),
    mascots: { felix: { collection: DEMO.collectionId, include: [], poses: { Nap: { image: 'Felix napping' } } } },
    generate: { maxCredits },
  });
  const logger = { info: () => undefined, warn: () => undefined };

  it("replaces the pinned assets and spends once, even when its POST's answer is lost", async () => {
    emu.reset();
    const root = await tempRoot();
    await new MaskoContext(options(root), { mode: 'build', logger }).prepare();
    const before = (await lockOf(root)).mascots.felix!.poses.Nap!;
    const start = await balance();

    const resolved = resolveOptions(options(root));
    const target = regenerationFor(resolved, await lockOf(root), 'felix/Nap');
    expect(target.body).toEqual({ type: 'image', item_id: before.item, image_prompt: 'Felix napping' });
    expect(target.cost).toBe(1);
    expect(() => checkBudget(resolveOptions(options(root, 0)), target.cost)).toThrow(/above generate.maxCredits = 0; nothing was spent/);

    emu.addFault({ kind: 'drop-response', origin: 'api', method: 'POST', path: '/v1/collections/*/generate', count: 1 });
    const client = await loadClient({ apiKey: KEY, apiUrl: emu.apiUrl });
    const { value: made, requests } = await during(() => runRegeneration(client, target).finally(() => client.close()));
    emu.clearFaults();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.fault).toBe('drop-response');
    expect(start - (await balance())).toBe(1);

    const relocked = await new MaskoContext(options(root), { mode: 'build', logger, update: true, pins: { felix: new Map([['Nap', made.pin]]) } }).prepare();
    expect(relocked.lockChanged).toBe(true);
    const after = (await lockOf(root)).mascots.felix!.poses.Nap!;
    expect(after.item).toBe(before.item);
    expect(after.files[0]!.asset).toBe(made.pin.png);
    expect(after.files[0]!.asset).not.toBe(before.files[0]!.asset);
    // Masko keeps the old assets; only the lockfile moved. A later re-resolve keeps the new pin.
    const c = createMaskoClient({ apiKey: KEY, apiUrl: emu.apiUrl });
    try {
      expect((await c.assets.get(before.files[0]!.asset)).id).toBe(before.files[0]!.asset);
    } finally {
      await c.close();
    }
    await new MaskoContext(options(root), { mode: 'build', logger, update: true }).prepare();
    expect((await lockOf(root)).mascots.felix!.poses.Nap!.files[0]!.asset).toBe(made.pin.png);
    expect(start - (await balance())).toBe(1);
  });

  it('the CLI prints the cost, refuses without a yes where it cannot ask, and with --yes pins the new assets', async () => {
    emu.reset();
    const root = await tempRoot();
    await writeFile(
      join(root, 'masko.config.json'),
      JSON.stringify({
        mascots: { felix: { collection: DEMO.collectionId, include: [], poses: { Nap: { image: 'Felix napping' } } } },
        generate: { maxCredits: 2 },
      }),
    );
    const env = { ...process.env, MASKO_API_KEY: KEY, MASKO_API_URL: emu.apiUrl, CI: '1', NO_COLOR: '1' };
    const masko = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...args, '--root', root], { env, timeout: 120_000 }).then(
        (r) => ({ ...r, code: 0 }),
        (e: { stdout: string; stderr: string; code: number }) => e,
      );
    expect((await masko('sync')).code).toBe(0);
    const locked = (await lockOf(root)).mascots.felix!.poses.Nap!.files[0]!.asset;
    const start = await balance();

    const refused = await masko('generate', '--regenerate', 'Nap');
    expect(refused.code).toBe(1);
    expect(`${refused.stdout}${refused.stderr}`).toMatch(/regenerate felix\/"Nap" \(image, 1 credit; budget 2 credits\)/);
    expect(`${refused.stdout}${refused.stderr}`).toMatch(/no terminal to ask; nothing was spent[\s\S]*--yes/);
    expect(await balance()).toBe(start);

    const done = await masko('generate', '--regenerate', 'Nap', '--yes');
    expect(done.code).toBe(0);
    expect(`${done.stdout}${done.stderr}`).toMatch(/regenerated felix\/"Nap": spent 1 credit/);
    expect(start - (await balance())).toBe(1);
    expect((await lockOf(root)).mascots.felix!.poses.Nap!.files[0]!.asset).not.toBe(locked);
    expect(`${done.stdout}${done.stderr}`).not.toContain(KEY.slice(6, 22));
  }, 120_000);
});
