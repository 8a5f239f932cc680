import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Emulator } from '../src/index.js';
import { call, ManualTimers, start } from './helpers.js';

let emu: Emulator | undefined;
const dirs: string[] = [];
const dataDirFor = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'masko-emu-data-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await emu?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('--data-dir persistence', () => {
  it('keeps projects, jobs, credits and asset paths across a restart', async () => {
    const dataDir = dataDirFor();
    emu = await start({ dataDir });
    const project = (await call(emu, 'POST', '/projects', { name: 'Kept' })).body.data;
    const g = (await call(emu, 'POST', `/collections/${DEMO.collectionId}/generate`, { type: 'image', name: 'Kept pose', image_prompt: 'p' })).body.data;
    await call(emu, 'GET', `/jobs/${g.job_id}?wait=true`);
    const before = Buffer.from(await (await fetch(g.urls.image)).arrayBuffer());
    await emu.close();
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    emu = await start({ dataDir });
    expect((await call(emu, 'GET', '/projects')).body.data.map((p: any) => p.id)).toContain(project.id);
    const job = (await call(emu, 'GET', `/jobs/${g.job_id}`)).body.data;
    expect(job.status).toBe('completed');
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(9999);
    expect(new URL(job.urls.image).pathname).toBe(new URL(g.urls.image).pathname);
    const after = Buffer.from(await (await fetch(job.urls.image)).arrayBuffer());
    expect(after.equals(before)).toBe(true);
  });

  it('resumes jobs that were still running when it stopped', async () => {
    const dataDir = dataDirFor();
    emu = await start({ dataDir, timers: new ManualTimers() });
    const g = (await call(emu, 'POST', `/collections/${DEMO.collectionId}/generate`, { type: 'image', name: 'Unfinished', image_prompt: 'p' })).body.data;
    expect((await call(emu, 'GET', `/jobs/${g.job_id}`)).body.data.status).toBe('pending');
    await emu.close();
    const timers = new ManualTimers();
    emu = await start({ dataDir, timers });
    expect((await call(emu, 'GET', `/jobs/${g.job_id}`)).body.data.status).toBe('pending');
    timers.runAll();
    expect((await call(emu, 'GET', `/jobs/${g.job_id}`)).body.data.status).toBe('completed');
    const res = await fetch(`${emu.assetsUrl}${new URL(g.urls.image).pathname}`); // a new port after the restart
    expect(res.status).toBe(200);
    expect(res.headers.get('x-masko-placeholder')).toBeNull();
  });

  it('keeps nothing without a data dir', async () => {
    emu = await start();
    await call(emu, 'POST', '/projects', { name: 'Gone' });
    await emu.close();
    emu = await start();
    expect((await call(emu, 'GET', '/projects')).body.data.map((p: any) => p.name)).toEqual(['Demo']);
  });
});
