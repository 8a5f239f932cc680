// Canvases (state machines) against the real emulator.
import { DEMO } from 'masko-emulator';
import { describe, expect, it } from 'vitest';
import { toArray } from '../src/index.js';
import { useHarness } from './emulator.js';

const h = useHarness({ jobDelayMs: 30 });
const col = DEMO.collectionId;

describe('canvases', () => {
  it('lists templates', async () => {
    const templates = await h.client.canvasTemplates();
    expect(templates.map((t) => t.id)).toContain('claude-code-4state');
    expect(await h.client.canvasTemplates({ source: 'mine' })).toEqual([]);
  });

  it('reads the demo canvas, its status and its export', async () => {
    const listed = await toArray(h.client.canvases.list(col));
    expect(listed.map((c) => c.id)).toContain(DEMO.canvasId);
    const canvas = await h.client.canvases.get(col, DEMO.canvasId);
    expect(canvas.graph?.nodes.length).toBeGreaterThan(0);
    expect(canvas.status?.percent).toBeGreaterThanOrEqual(0);
    const status = await h.client.canvases.status(col, DEMO.canvasId);
    expect(status.nodes_total).toBe(canvas.graph!.nodes.length);
    const exported = await h.client.canvases.export(col, DEMO.canvasId);
    expect(exported.version).toBe('2.0');
    expect(exported.nodes.map((n) => n.id)).toContain(exported.initialNode);
    expect(exported.edges.length).toBeGreaterThan(0);
  });

  it('creates a canvas, applies a template, estimates and runs generate-all', async () => {
    const canvas = await h.client.canvases.create(col, { name: 'Agent' });
    expect(canvas.name).toBe('Agent');
    const applied = await h.client.canvases.fromTemplate(col, canvas.id, { template_id: 'claude-code-4state' });
    expect(applied.jobs.length).toBe(applied.total_cost);
    await h.client.waitForJobs(applied.jobs.map((j) => j.job_id));
    const dry = await h.client.canvases.generateAll(col, canvas.id, { dry_run: true, targets: 'animations', duration: 2 });
    expect(dry.dry_run).toBe(true);
    expect(dry.estimated_cost).toBeGreaterThan(0);
    const before = (await h.client.credits()).balance;
    const run = await h.client.canvases.generateAll(col, canvas.id, { targets: 'animations', duration: 2 });
    expect(run.dry_run).toBe(false);
    expect(before - (await h.client.credits()).balance).toBe(run.actual_cost ?? run.estimated_cost);
    // Only the real run posts without retry; a dry run is free and may be retried.
    expect(h.requests().filter((r) => r.path.endsWith('/generate-all'))).toHaveLength(2);
  });
});
