/**
 * Fault matrix: every fault kind the emulator injects × three seeds, each against a fresh emulator and
 * project, through the real plugin sync and masko-client over HTTP. Each run must end with the clean
 * run's cache and lockfile, or fail with a clear `[masko]` message; either way the cache holds only
 * whole files whose bytes match their names, the lockfile is the old one or the new one, and the
 * credits spent equal the plan. (The killed-process rows live in kill-mid-sync.test.ts.)
 */
import { copyFile } from 'node:fs/promises';
import { DEMO, type Emulator, type FaultSpec, startEmulator } from 'masko-emulator';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balance, KEY, makeProject, type Project, prng, type Snapshot, settledSnapshot, snapshot, syncInProcess } from './harness.js';

const SEEDS = [1, 2, 3];
const felix = { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm'], include: ['Idle', 'Wave'] };
/** Downloads only: the whole lockfile is deterministic (demo ids are fixed). */
const DOWNLOAD = { mascots: { felix } };
/** The same plus one pose to generate (1 image + 5 × 1 s = 6 credits). */
const GENERATE = {
  mascots: { felix: { ...felix, poses: { Dance: { image: 'Felix dancing', animation: 'a jig', duration: 1 } } } },
  generate: { maxCredits: 6 },
};
const GEN_COST = 6;
/** The "old" lockfile a run starts from: the same mascot locked with other sizes (so it is stale). */
const OLD = { mascots: { felix: { ...felix, sizes: [240] } } };

/**
 * `clean`: ends like the clean run. `fail`: a clear `[masko]` failure, then a clean re-run.
 * `digest`: corrupted bytes of the same length. `clean` when the assets publish a `sha256` (the
 * emulator's assumption, API.md: the plugin passes it to the client, which refuses and refetches);
 * without one it is a known gap (`GAP`), asserted as it is: such bytes cannot be detected.
 */
type Expect = 'clean' | 'fail' | 'gap';
interface Row {
  kind: string;
  config: typeof DOWNLOAD | typeof GENERATE;
  expect: Expect | 'digest';
  faults(r: () => number, seed: number): FaultSpec[];
}

const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)]!;

const ROWS: Row[] = [
  {
    kind: '5xx burst',
    config: DOWNLOAD,
    expect: 'clean',
    faults: (r) => [{ kind: 'status', status: pick(r, [500, 502, 503, 504]), count: 1 + Math.floor(r() * 3) }],
  },
  {
    kind: '429 storm + Retry-After',
    config: DOWNLOAD,
    expect: 'clean',
    faults: (r) => [{ kind: 'rate-limit', retryAfter: 1, count: 2 + Math.floor(r() * 2) }],
  },
  {
    kind: 'reset mid-body',
    config: DOWNLOAD,
    expect: 'clean',
    faults: (r) => [{ kind: 'reset', origin: 'assets', afterBytes: 100 + Math.floor(r() * 2000), count: 1 + Math.floor(r() * 3) }],
  },
  {
    kind: 'truncated body',
    config: DOWNLOAD,
    expect: 'clean',
    faults: (r) => [{ kind: 'truncate', origin: 'assets', afterBytes: 100 + Math.floor(r() * 2000), count: 1 + Math.floor(r() * 3) }],
  },
  {
    kind: 'stalled body',
    config: DOWNLOAD,
    expect: 'clean',
    faults: (r) => [{ kind: 'stall', origin: 'assets', afterBytes: 50 + Math.floor(r() * 500), count: 1 + Math.floor(r() * 2) }],
  },
  {
    kind: 'corrupted asset bytes',
    config: DOWNLOAD,
    expect: 'digest',
    faults: (r, seed) => [{ kind: 'corrupt', origin: 'assets', seed, count: 1 + Math.floor(r() * 2) }],
  },
  {
    kind: 'corrupted video bytes',
    config: DOWNLOAD,
    expect: 'digest',
    faults: (r, seed) => [{ kind: 'corrupt', origin: 'assets', path: '/**/*.webm', seed, count: 1 + Math.floor(r() * 2) }],
  },
  {
    kind: '5xx outlasting retries',
    config: DOWNLOAD,
    expect: 'fail',
    faults: (r) => [{ kind: 'status', status: pick(r, [500, 503]), origin: pick(r, ['api', 'assets'] as const), count: 50 }],
  },
  {
    kind: 'corrupted API JSON',
    config: DOWNLOAD,
    expect: 'clean',
    faults: (r, seed) => [{ kind: 'corrupt', origin: 'api', seed, count: 1 + Math.floor(r() * 2) }],
  },
  { kind: 'slow jobs', config: GENERATE, expect: 'clean', faults: (r) => [{ kind: 'slow-job', jobDelayMs: 200 + Math.floor(r() * 800), count: 1 }] },
  { kind: 'failing jobs', config: GENERATE, expect: 'fail', faults: () => [{ kind: 'fail-job', count: 1 }] },
  {
    kind: 'lost generate answer',
    config: GENERATE,
    expect: 'clean',
    faults: () => [{ kind: 'drop-response', method: 'POST', path: '/v1/collections/*/generate-batch', count: 1 }],
  },
];

/** Generated items get fresh ids and URLs on every emulator: compare the rest byte for byte. */
function normaliseGenerated(lock: string | undefined): string | undefined {
  if (!lock) return lock;
  const demoIds = new Set([...Object.values(DEMO.items), ...Object.values(DEMO.transitions)]);
  const data = JSON.parse(lock) as {
    mascots: Record<string, { poses: Record<string, { item: string; files: { asset: string; url: string }[] }>; inputs: string }>;
  };
  for (const m of Object.values(data.mascots)) {
    for (const pose of Object.values(m.poses)) {
      if (demoIds.has(pose.item)) continue;
      pose.item = '<generated>';
      for (const f of pose.files) {
        f.asset = '<generated>';
        f.url = f.url.replace(/[^/]+$/, '<generated>');
      }
    }
  }
  return JSON.stringify(data);
}

let oldLock: Project;

/**
 * The reference: a clean sync on the same emulator (lockfile URLs carry the asset host's port), which
 * is then reset to its seeded state (generated items dropped, balance restored).
 */
async function cleanRun(emu: Emulator, config: Record<string, unknown>): Promise<Snapshot> {
  const project = await makeProject(config);
  try {
    const r = await syncInProcess(project, emu);
    if (!r.ok) throw new Error(`clean run failed: ${r.error}`);
    return await snapshot(project);
  } finally {
    await project.close();
    await emu.reset();
  }
}
const summary: Record<string, string | number>[] = [];
const violations: string[] = [];

async function withEmulator<T>(run: (emu: Emulator) => Promise<T>): Promise<T> {
  const emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false, admin: true });
  try {
    return await run(emu);
  } finally {
    await emu.close();
  }
}

/** Whether the emulator's assets carry a `sha256` (see `digest` above). */
let digests = false;

beforeAll(async () => {
  oldLock = await makeProject(OLD);
  await withEmulator(async (emu) => {
    const res = await fetch(`${emu.apiUrl}/collections/${DEMO.collectionId}/items?limit=1`, { headers: { authorization: `Bearer ${KEY}` } });
    digests = /^[0-9a-f]{64}$/.test(String(((await res.json()) as { data: { assets: { sha256?: unknown }[] }[] }).data[0]?.assets[0]?.sha256));
    const r = await syncInProcess(oldLock, emu);
    if (!r.ok) throw new Error(`old lockfile run failed: ${r.error}`);
  });
}, 60_000);

afterAll(async () => {
  await oldLock?.close();
  if (summary.length) console.log(`\nfault matrix (${summary.length} runs; assets publish sha256: ${digests ? 'yes' : 'no'})\n${table(summary)}`);
});

function table(rows: Record<string, string | number>[]): string {
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
  return [line(cols), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => String(r[c]))))].join('\n');
}

describe('fault matrix: masko sync under injected faults', () => {
  it('keeps cache, lockfile and credits whole for every fault kind and seed', async () => {
    const limit = pLimit(3);
    const cases = ROWS.flatMap((row) => SEEDS.map((seed) => ({ row, seed })));
    await Promise.all(
      cases.map(({ row: { expect: rowExpect, ...rest }, seed }) =>
        limit(async () => {
          const row = { ...rest, expect: rowExpect === 'digest' ? (digests ? 'clean' : 'gap') : rowExpect };
          const faults = row.faults(prng(seed * 7919 + row.kind.length * 131 + row.kind.charCodeAt(0)), seed);
          const project = await makeProject(row.config);
          try {
            await copyFile(oldLock.lockfile, project.lockfile);
            const old = await snapshot(project);
            await withEmulator(async (emu) => {
              const ref = { snap: await cleanRun(emu, row.config), old };
              // The balance is read with no fault active (the faults hit every matching request).
              const before = await balance(emu);
              const ids = faults.map((f) => emu.addFault(f));
              const outcome = await syncInProcess(project, emu);
              // Request faults are marked in the log; job faults show as a layer whose count was used.
              // (a layer is dropped once its count is used up).
              const layers = (
                (await (await fetch(`${emu.apiUrl.replace(/\/v1$/, '')}/__admin/faults`)).json()) as { data: { id: string; remaining: number }[] }
              ).data;
              const used = ids.reduce((n, id, i) => n + (faults[i]!.count ?? 0) - (layers.find((l) => l.id === id)?.remaining ?? 0), 0);
              const faulted = Math.max(emu.requests().filter((q) => q.fault).length, used);
              emu.clearFaults();
              const spent = before - (await balance(emu));
              const snap = await settledSnapshot(project);
              const planned = row.config === GENERATE ? GEN_COST : 0;

              const bad: string[] = [];
              const check = (ok: boolean, what: string) => {
                if (!ok) bad.push(what);
              };
              const lock = normaliseGenerated(snap.lock);
              // Always: only whole, correctly named files; the lockfile is the old or the new one; no key.
              check(snap.corrupt.length === 0, `corrupt cache files ${snap.corrupt.join(', ')}`);
              check(snap.leftovers.length === 0, `partial/temp files ${snap.leftovers.join(', ')}`);
              // A sync settles only when nothing writes into the cache any more (a failure aborts the rest first).
              check(snap.inFlightAtReturn === 0, `${snap.inFlightAtReturn} downloads still in incoming/ when the sync returned`);
              const consistent =
                !!snap.lock && [...snap.lock.matchAll(/"sha256": "([0-9a-f]{64})"/g)].every((m) => Object.keys(snap.files).some((k) => k.includes(`${m[1]}.`)));
              if (row.expect === 'gap') check(lock === normaliseGenerated(ref.old.lock) || consistent, 'lockfile neither old nor pointing at cached files');
              else
                check(lock === normaliseGenerated(ref.old.lock) || lock === normaliseGenerated(ref.snap.lock), `lockfile neither old nor clean:\n${snap.lock}`);
              check(![outcome.error ?? '', ...outcome.lines].join('\n').includes(KEY), 'the key was printed');
              check(faulted > 0, 'the fault never hit');
              // Retries and resumed (Range) downloads included: the asset host never sees the key.
              check(!emu.requests().some((q) => q.origin === 'assets' && 'authorization' in q.headers), 'the asset host received Authorization');
              if (row.kind.startsWith('429')) {
                // Retry-After: 1 is honoured: the retry of a refused request waits at least that long.
                const log = emu.requests();
                for (const [i, q] of log.entries()) {
                  if (q.fault !== 'rate-limit') continue;
                  const retry = log.slice(i + 1).find((n) => n.method === q.method && n.path === q.path);
                  check(
                    !!retry && Date.parse(retry.at) - Date.parse(q.at) >= 900,
                    `${q.method} ${q.path} retried ${retry ? Date.parse(retry.at) - Date.parse(q.at) : 'never'} ms after a 429 with Retry-After: 1`,
                  );
                }
              }
              if (row.expect === 'clean') {
                check(outcome.ok, `failed: ${outcome.error}`);
                check(lock === normaliseGenerated(ref.snap.lock), 'lockfile differs from the clean run');
                if (row.config === DOWNLOAD) check(snap.lock === ref.snap.lock, 'lockfile bytes differ from the clean run');
                // Sidecars name the URL, which is new for every generated asset: compare them only for downloads.
                const content = (f: Record<string, string>) =>
                  JSON.stringify(
                    Object.entries(f)
                      .filter(([k]) => row.config === DOWNLOAD || !k.endsWith('.json'))
                      .sort(),
                  );
                check(content(snap.files) === content(ref.snap.files), 'cache differs from the clean run');
                check(spent === planned && outcome.creditsSpent === planned, `spent ${spent} (reported ${outcome.creditsSpent}), planned ${planned}`);
              } else if (row.expect === 'gap') {
                check(spent === 0, `spent ${spent} credits with nothing to generate`);
              } else {
                check(!outcome.ok && /^\[masko\] /.test(outcome.error ?? ''), `expected a [masko] failure, got ${outcome.error ?? 'success'}`);
                check(snap.lock === ref.old.lock, 'a failed run changed the lockfile');
                check(spent === 0, `a failed run kept ${spent} credits (failed jobs are refunded)`);
                // Then the same sync with the fault gone ends clean, paying the plan once.
                const again = await syncInProcess(project, emu);
                const after = await snapshot(project);
                check(again.ok, `re-run failed: ${again.error}`);
                check(normaliseGenerated(after.lock) === normaliseGenerated(ref.snap.lock), 're-run lockfile differs from the clean run');
                check(before - (await balance(emu)) === planned, `re-run: spent ${before - (await balance(emu))}, planned ${planned}`);
              }
              violations.push(...bad.map((b) => `${row.kind} seed ${seed}: ${b}`));
              summary.push({
                fault: row.kind,
                seed,
                params: JSON.stringify(faults[0])
                  .replace(/"kind":"[^"]+",?/, '')
                  .slice(0, 60),
                faulted,
                ok: bad.length ? 'NO' : row.expect === 'gap' ? 'GAP' : 'yes',
                result: outcome.ok
                  ? snap.lock === ref.snap.lock || row.config === GENERATE
                    ? 'clean'
                    : 'DIFFERENT lockfile (undetected)'
                  : `failed: ${outcome.error!.split('\n')[0]!.slice(0, 70)}`,
                credits: `${spent}/${planned}`,
                'in flight at return': snap.inFlightAtReturn,
                resumed: emu.requests().filter((q) => q.origin === 'assets' && q.headers.range).length,
              });
            });
          } finally {
            await project.close();
          }
        }),
      ),
    );
    expect(summary.length).toBe(ROWS.length * SEEDS.length);
    expect(violations).toEqual([]);
  }, 240_000);
});
