/**
 * A tampered `masko.lock.json` (it is user-editable, and arrives in pull requests): a sha256 spelled as a
 * path used to make `masko status` — read-only by its name — hash a file outside the project and remove
 * it. Every command now refuses the entry, naming the file, the mascot, the pose and the field; nothing
 * outside the cache is read or removed, and neither the lockfile nor the cache changes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, makeProject, type Project, runMasko, snapshot } from './harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emu: Emulator;
let project: Project;
let pristine: string;
let victim: string;
const VICTIM_BYTES = 'not yours to delete\n';

beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false });
  project = await makeProject(
    { mascots: { felix: { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm', 'hevc'], include: ['Idle', 'Wave'] } } },
    { nested: true },
  );
  const sync = await runMasko(['sync', '--root', project.root], { MASKO_API_URL: emu.apiUrl });
  expect(sync.code, sync.out).toBe(0);
  pristine = await readFile(project.lockfile, 'utf8');
  // The file the traversal reached: <outer>/outside/victim.mov, four levels above the cache.
  await mkdir(join(project.outer, 'outside'), { recursive: true });
  victim = join(project.outer, 'outside/victim');
  for (const ext of ['', '.mov', '.webm', '.png']) await writeFile(`${victim}${ext}`, VICTIM_BYTES);
}, 120_000);

afterAll(async () => {
  await project?.close();
  await emu?.close();
});

/** The lockfile with one change applied to a copy. */
function tampered(change: (lock: Json) => void): string {
  const lock = JSON.parse(pristine) as Json;
  change(lock);
  return `${JSON.stringify(lock, null, 2)}\n`;
}
const idleFile = (lock: Json, format = 'webm'): Json => (lock.mascots.felix.poses.Idle.files as Json[]).find((f) => f.format === format)!;

/** [case, change, what the message must name after the mascot] */
const TRAVERSALS: [string, (lock: Json) => void][] = [
  ['the issue: sha256 "../../../../outside/victim" as hevc', (l) => Object.assign(idleFile(l), { format: 'hevc', sha256: '../../../../outside/victim' })],
  ['an absolute path', (l) => Object.assign(idleFile(l), { sha256: '/etc/passwd' })],
  ['backslashes', (l) => Object.assign(idleFile(l), { sha256: '..\\..\\..\\..\\outside\\victim' })],
  ['percent-encoded dots', (l) => Object.assign(idleFile(l), { sha256: '%2e%2e/%2e%2e/%2e%2e/%2e%2e/outside/victim' })],
  ['64 characters that are not all hex', (l) => Object.assign(idleFile(l), { sha256: `../${'a'.repeat(61)}` })],
  ['upper-case hex (not a name the cache writes)', (l) => Object.assign(idleFile(l), { sha256: idleFile(l).sha256.toUpperCase() })],
];

const FIELDS: [string, (lock: Json) => void, RegExp][] = [
  [
    'a format that is not ours',
    (l) => Object.assign(idleFile(l), { format: '../exe' }),
    /pose "Idle", files\[\d\]\.format: expected one of 'webm', 'hevc', 'stacked', 'png', received "\.\.\/exe"/,
  ],
  [
    'a file: URL',
    (l) => Object.assign(idleFile(l), { url: 'file:///etc/passwd' }),
    /pose "Idle", files\[\d\]\.url: expected an absolute http\(s\) URL, received "file:\/\/\/etc\/passwd"/,
  ],
  ['a javascript: URL', (l) => Object.assign(idleFile(l), { url: 'javascript:alert(1)' }), /pose "Idle", files\[\d\]\.url: expected an absolute http\(s\) URL/],
  ['an asset id with a slash', (l) => Object.assign(idleFile(l), { asset: '../assets/x' }), /pose "Idle", files\[\d\]\.asset: expected an asset id/],
  ['a negative byte count', (l) => Object.assign(idleFile(l), { bytes: -1 }), /pose "Idle", files\[\d\]\.bytes: expected a byte count/],
  [
    'a collection id ".."',
    (l) => {
      l.mascots.felix.collection = '..';
    },
    /mascot "felix", collection: expected a collection id .*received "\.\."/,
  ],
  [
    'a pose name of 5000 characters',
    (l) => {
      l.mascots.felix.poses['x'.repeat(5000)] = l.mascots.felix.poses.Idle;
    },
    /mascot "felix", pose "x{57}\.\.\.", name: expected a pose name of at most 1000 characters/,
  ],
  [
    'a mascot key with a slash',
    (l) => {
      l.mascots['../felix'] = l.mascots.felix;
    },
    /mascot "\.\.\/felix", name: expected a mascot key/,
  ],
  [
    'a transition endpoint that is not a string',
    (l) => {
      (l.mascots.felix.transitions as Json[])[0]!.to = 7;
    },
    /mascot "felix", transition 0.*to: expected a pose name/,
  ],
];

async function expectRefused(args: string[], pattern: RegExp): Promise<void> {
  const before = await snapshot(project);
  const treeBefore = await listTree(project.outer);
  const run = await runMasko([...args, '--root', project.root], { MASKO_API_URL: emu.apiUrl });
  expect(run.code, run.out).toBe(1);
  expect(run.out).toMatch(new RegExp(`\\[masko\\] lockfile ${project.lockfile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  expect(run.out).toMatch(pattern);
  expect(run.out).toMatch(/nothing was read from it or changed/);
  expect(run.out).not.toMatch(/^\s+at /m); // no stack
  for (const ext of ['', '.mov', '.webm', '.png']) expect(await readFile(`${victim}${ext}`, 'utf8')).toBe(VICTIM_BYTES);
  const after = await snapshot(project);
  expect(after.files).toEqual(before.files); // the cache is untouched (nothing hashed away, nothing fetched)
  expect(after.lock).toBe(before.lock);
  expect(await listTree(project.outer)).toEqual(treeBefore);
}

describe('a tampered lockfile', () => {
  for (const [what, change] of TRAVERSALS) {
    it(`sha256 spelled as a path (${what}): status, sync and sync --offline refuse it and touch nothing`, async () => {
      await writeFile(project.lockfile, tampered(change));
      for (const args of [['status'], ['sync'], ['sync', '--offline']]) {
        await expectRefused(args, /mascot "felix", pose "Idle", files\[\d\]\.sha256: expected a sha256 \(64 lower-case hex digits\), received "/);
      }
    }, 120_000);
  }

  for (const [what, change, pattern] of FIELDS) {
    it(`${what}: refused naming the mascot, the pose and the field`, async () => {
      await writeFile(project.lockfile, tampered(change));
      await expectRefused(['status'], pattern);
    }, 60_000);
  }

  it('the untampered lockfile still syncs offline, with every file from the cache', async () => {
    await writeFile(project.lockfile, pristine);
    const run = await runMasko(['sync', '--offline', '--root', project.root], { MASKO_API_URL: emu.apiUrl });
    expect(run.code, run.out).toBe(0);
    expect(await readFile(project.lockfile, 'utf8')).toBe(pristine);
  }, 60_000);
});
