import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertCanvasExport } from 'masko-manifest';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO, type Emulator } from '../src/index.js';
import { call, fixtureMedia, settle, sha256, start } from './helpers.js';

let emu: Emulator;
afterEach(() => emu?.close());

describe('canvases', () => {
  it('exports the demo canvas in the real export shape, which converts to a manifest', async () => {
    emu = await start();
    const detail = (await call(emu, 'GET', `/collections/${DEMO.collectionId}/canvases/${DEMO.canvasId}`)).body.data;
    expect(detail.status).toMatchObject({ nodes_total: 4, nodes_complete: 4, edges_total: 10, edges_complete: 10, percent: 100, jobs_pending: 0 });
    const ex = (await call(emu, 'GET', `/collections/${DEMO.collectionId}/canvases/${DEMO.canvasId}/export`)).body.data;
    expect(ex).toMatchObject({ version: '2.0', name: 'Felix the Fox', autoPlay: true });
    expect(ex.nodes.map((n: any) => n.name)).toEqual(['Idle', 'Wave', 'Thumbs Up', 'Thinking']);
    expect(ex.initialNode).toBe(ex.nodes[0].id);
    const anyState = ex.edges.find((e: any) => e.source === '*');
    expect(anyState).toMatchObject({ duration: 0, priority: 1, videos: { webm: '', hevc: '' } });
    const reverse = ex.edges.find((e: any) => e.reverse);
    expect(reverse.videos.webm).toMatch(/\/thinking-idle-[0-9a-f]{8}\.webm$/);
    expect(ex.edges.some((e: any) => e.conditions.some((c: any) => c.input === 'nodeTime'))).toBe(true);
    expect(ex.edges.some((e: any) => e.conditions.some((c: any) => c.input === 'clicked'))).toBe(true);
    expect(ex.inputs).toEqual([
      { name: 'wave', type: 'trigger', default: false },
      { name: 'thinking', type: 'boolean', default: false },
    ]);
    const body = Buffer.from(await (await fetch(reverse.videos.webm)).arrayBuffer());
    expect(sha256(body)).toBe(sha256(readFileSync(join(fixtureMedia(), 'thinking-idle.webm'))));

    const manifest = convertCanvasExport(ex);
    expect(Object.keys(manifest.poses).sort()).toEqual(['Idle', 'Thinking', 'Thumbs Up', 'Wave']);
    expect(manifest.transitions.some((t) => t.from === '*' && t.to === 'Thinking')).toBe(true);
    expect(manifest.transitions.some((t) => t.from === 'Thinking' && t.to === 'Idle' && t.reverse)).toBe(true);
  });

  it('lists both built-in templates', async () => {
    emu = await start();
    const list = (await call(emu, 'GET', '/canvas-templates')).body.data;
    expect(list.map((t: any) => [t.id, t.node_count, t.edge_count])).toEqual([
      ['claude-code-4state', 4, 16],
      ['claude-code-4state-lite', 4, 13],
    ]);
  });

  it('builds a canvas from a template, plans with dry_run, then generates everything', async () => {
    emu = await start();
    const base = `/collections/${DEMO.collectionId}/canvases`;
    const created = await call(emu, 'POST', base, { name: 'Main Canvas' });
    expect(created.status).toBe(201);
    const cid = created.body.data.id;
    expect((await call(emu, 'POST', `${base}/${cid}/from-template`, { template_id: 'nope' })).body.error.message).toContain('template_id');
    const applied = await call(emu, 'POST', `${base}/${cid}/from-template`, { template_id: 'claude-code-4state-lite' });
    expect(applied.status).toBe(201);
    expect(Object.keys(applied.body.data.node_mapping).sort()).toEqual(['idle', 'needs-attention', 'thinking', 'working']);
    expect(applied.body.data.total_cost).toBe(4);
    expect(applied.body.data.jobs).toHaveLength(4);
    await settle(emu);
    const jobsBefore = (await call(emu, 'GET', '/jobs')).body.meta.pagination.total;

    const dry = await call(emu, 'POST', `${base}/${cid}/generate-all`, { dry_run: true });
    expect(dry.status).toBe(200);
    expect(dry.body.data).toMatchObject({
      dry_run: true,
      estimated_cost: 140,
      actual_cost: 0,
      would_charge_credits: 140,
      reverse_free: 3,
      already_complete: 4,
      generated: [],
    });
    expect(dry.body.data.planned_jobs).toHaveLength(7);
    expect((await call(emu, 'GET', '/jobs')).body.meta.pagination.total).toBe(jobsBefore);
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(9996);

    const run = await call(emu, 'POST', `${base}/${cid}/generate-all`, {});
    expect(run.status).toBe(202);
    expect(run.body.data.actual_cost).toBe(140);
    expect(run.body.data.generated).toHaveLength(7);
    await settle(emu);
    const status = (await call(emu, 'GET', `${base}/${cid}/status`)).body.data;
    expect(status).toMatchObject({ nodes_complete: 4, edges_total: 10, edges_complete: 10, percent: 100, jobs_pending: 0 });
    expect((await call(emu, 'GET', '/credits')).body.data.balance).toBe(9856);
    const again = (await call(emu, 'POST', `${base}/${cid}/generate-all`, { dry_run: true })).body.data;
    expect(again).toMatchObject({ estimated_cost: 0, already_complete: 14 });

    const ex = (await call(emu, 'GET', `${base}/${cid}/export`)).body.data;
    expect(ex.canvasName).toBe('Main Canvas');
    const clips = ex.edges.filter((e: any) => e.source !== '*');
    // The demo's alpha-less HEVC is never listed, so exports carry it as '' (like any-state edges).
    expect(clips.every((e: any) => e.videos.webm.startsWith(emu.assetsUrl) && e.videos.hevc === '')).toBe(true);
    expect(ex.edges.filter((e: any) => e.source === '*').map((e: any) => e.priority)).toEqual([3, 2, 1]);
    expect(() => convertCanvasExport(ex)).not.toThrow();
  });

  it('plans animations only for edges whose nodes have images', async () => {
    emu = await start();
    const base = `/collections/${DEMO.collectionId}/canvases`;
    const cid = (await call(emu, 'POST', base, { name: 'Empty' })).body.data.id;
    await call(emu, 'POST', `${base}/${cid}/from-template`, { template_id: 'claude-code-4state' });
    const canvas = (await call(emu, 'GET', `${base}/${cid}`)).body.data;
    expect(canvas.graph.nodes.every((n: any) => n.item_id)).toBe(true);
    const dryImages = (await call(emu, 'POST', `${base}/${cid}/generate-all`, { dry_run: true, targets: 'images', skip_completed: false })).body.data;
    expect(dryImages.planned_jobs.map((p: any) => p.kind)).toEqual(['node', 'node', 'node', 'node']);
    expect(dryImages.estimated_cost).toBe(4);
    const bad = await call(emu, 'POST', `${base}/${cid}/generate-all`, { targets: 'everything' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('targets');
  });

  it('refuses generate-all beyond the balance with 402 and creates nothing', async () => {
    emu = await start({ credits: 50 });
    const base = `/collections/${DEMO.collectionId}/canvases`;
    const created = await call(emu, 'POST', base, { name: 'C', template_id: 'claude-code-4state' });
    expect(created.status).toBe(201);
    expect(created.body.data.graph.nodes).toHaveLength(4);
    await settle(emu);
    const res = await call(emu, 'POST', `${base}/${created.body.data.id}/generate-all`, {});
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({ required: 320, balance: 46 });
    expect((await call(emu, 'GET', '/jobs')).body.meta.pagination.total).toBe(4);
  });
});
