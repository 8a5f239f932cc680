import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssetRec, CanvasRec, CollectionRec, ItemRec, JobRec, ProjectRec, StateData, WebhookRec } from './records.js';

const STATE_FILE = 'masko-emulator-state.json';
const FORMAT = 1;

/** Records by id, in insertion order (lists are answered in creation order). */
export class Store {
  projects = new Map<string, ProjectRec>();
  collections = new Map<string, CollectionRec>();
  items = new Map<string, ItemRec>();
  assets = new Map<string, AssetRec>();
  jobs = new Map<string, JobRec>();
  canvases = new Map<string, CanvasRec>();
  webhooks = new Map<string, WebhookRec>();
  credits = { subscription: 0, topup: 0 };
  /** Asset-host path -> asset id. */
  assetsByPath = new Map<string, string>();

  constructor(private readonly dataDir?: string) {}

  addAsset(asset: AssetRec): void {
    this.assets.set(asset.id, asset);
    if (asset.path) this.assetsByPath.set(asset.path, asset.id);
  }

  itemAssets(itemId: string): AssetRec[] {
    return [...this.assets.values()].filter((a) => a.itemId === itemId);
  }

  toData(): StateData {
    return {
      projects: [...this.projects.values()],
      collections: [...this.collections.values()],
      items: [...this.items.values()],
      assets: [...this.assets.values()],
      jobs: [...this.jobs.values()],
      canvases: [...this.canvases.values()],
      webhooks: [...this.webhooks.values()],
      credits: { ...this.credits },
    };
  }

  load(data: StateData): void {
    this.clear();
    for (const p of data.projects) this.projects.set(p.id, p);
    for (const c of data.collections) this.collections.set(c.id, c);
    for (const i of data.items) this.items.set(i.id, i);
    for (const a of data.assets) this.addAsset(a);
    for (const j of data.jobs) this.jobs.set(j.id, j);
    for (const c of data.canvases) this.canvases.set(c.id, c);
    for (const w of data.webhooks) this.webhooks.set(w.id, w);
    this.credits = { ...data.credits };
  }

  clear(): void {
    for (const map of [this.projects, this.collections, this.items, this.assets, this.jobs, this.canvases, this.webhooks, this.assetsByPath]) {
      map.clear();
    }
    this.credits = { subscription: 0, topup: 0 };
  }

  /** Reads the persisted state; false when there is none (or no data dir). */
  restore(): boolean {
    if (!this.dataDir) return false;
    const file = join(this.dataDir, STATE_FILE);
    if (!existsSync(file)) return false;
    let parsed: { format: number; state: StateData };
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as { format: number; state: StateData };
    } catch (e) {
      throw new Error(`[masko-emulator] ${file} is not valid JSON (${(e as Error).message}); delete it or use another --data-dir`);
    }
    if (parsed.format !== FORMAT) {
      throw new Error(`[masko-emulator] ${file} has state format ${parsed.format}, expected ${FORMAT}; delete it or use another --data-dir`);
    }
    this.load(parsed.state);
    return true;
  }

  /** Writes the state atomically (temp file + rename) when a data dir is set. */
  persist(): void {
    if (!this.dataDir) return;
    mkdirSync(this.dataDir, { recursive: true });
    const file = join(this.dataDir, STATE_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, state: this.toData() }));
    renameSync(tmp, file);
  }
}
