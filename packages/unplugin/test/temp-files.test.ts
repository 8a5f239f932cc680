/**
 * The temp-file sweep: a dead writer's leftovers go, a live writer's (our own process included) stay,
 * another machine's stay until abandoned for a day, finished files are never touched.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'pathe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStaleTemp, sweepCacheTemps, sweepSiblingTemps, tempTag } from '../src/core/temp-files.js';

const HOST = tempTag().split('-')[0]!;
const SHA = 'ab'.repeat(32);
let dir: string;
let deadPid: number;

/** The pid of a process that has exited. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'masko-temps-'));
  deadPid = await exitedPid();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const tag = (host: string, pid: number) => `${host}-${pid}-0123456789ab`;

describe('stale temp files', () => {
  it('judges by writer: dead pid here goes, live pid stays, another host waits a day', () => {
    const now = Date.now();
    expect(isStaleTemp(`${tag(HOST, deadPid)}.png`, now, now)).toBe(true);
    expect(isStaleTemp(`x.json.${tag(HOST, deadPid)}.tmp`, now, now)).toBe(true);
    expect(isStaleTemp(`${tag(HOST, process.pid)}.png`, now, now)).toBe(false);
    expect(isStaleTemp(`${tag('000000', deadPid)}.png`, now, now)).toBe(false);
    expect(isStaleTemp(`${tag('000000', deadPid)}.png`, now - 25 * 3600_000, now)).toBe(true);
    expect(isStaleTemp('0123456789abcdef.png', now, now)).toBe(false); // an older version's name: a day, too
  });

  it('sweeps a cache and a lockfile folder, leaving live and finished files alone', async () => {
    const cache = join(dir, 'cache');
    await mkdir(join(cache, 'incoming'), { recursive: true });
    await mkdir(join(cache, 'files/ab'), { recursive: true });
    const dead = tag(HOST, deadPid);
    const live = tempTag();
    const files = {
      gone: [`incoming/${dead}.webm`, `incoming/${dead}.webm.fedcba987654.tmp`, `files/ab/${SHA}.png.json.${dead}.tmp`, `incoming/${tag('000000', 1)}.png`],
      kept: [`incoming/${live}.png.fedcba987654.tmp`, `files/ab/${SHA}.png`, `files/ab/${SHA}.png.json`, `files/ab/${SHA}.png.json.${tag('000000', 1)}.tmp`],
    };
    for (const f of [...files.gone, ...files.kept]) await writeFile(join(cache, f), 'x');
    const old = new Date(Date.now() - 2 * 86_400_000);
    await utimes(join(cache, `incoming/${tag('000000', 1)}.png`), old, old);

    expect(await sweepCacheTemps(cache)).toBe(files.gone.length);
    for (const f of files.gone) expect(existsSync(join(cache, f)), f).toBe(false);
    for (const f of files.kept) expect(existsSync(join(cache, f)), f).toBe(true);

    const lockfile = join(dir, 'masko.lock.json');
    await writeFile(join(dir, `masko.lock.json.${dead}.tmp`), '{');
    await writeFile(join(dir, `masko.lock.json.${live}.tmp`), '{');
    await writeFile(join(dir, 'masko.lock.json.bak.tmp'), "the user's own file");
    expect(await sweepSiblingTemps(lockfile)).toBe(1);
    expect(existsSync(join(dir, `masko.lock.json.${live}.tmp`))).toBe(true);
    expect(existsSync(join(dir, 'masko.lock.json.bak.tmp'))).toBe(true);
  });
});
