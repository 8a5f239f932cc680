import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, type EmulatorOptions, startEmulator } from '../src/index.js';

export const KEY = `masko_${'ab12'.repeat(16)}`;
export const AUTH = { authorization: `Bearer ${KEY}` };

const POSES = [
  ['idle', 'Idle'],
  ['wave', 'Wave'],
  ['thumbs-up', 'Thumbs Up'],
  ['thinking', 'Thinking'],
] as const;
const TRANSITIONS = [
  ['Idle', 'Wave'],
  ['Wave', 'Idle'],
  ['Idle', 'Thumbs Up'],
  ['Thumbs Up', 'Idle'],
  ['Idle', 'Thinking'],
  ['Thinking', 'Idle'],
] as const;
const slug = (s: string): string => s.toLowerCase().replace(/ /g, '-');

/** A tiny media set in the documented demo.json format; the bytes are arbitrary but distinct per file. */
export function makeFixtureMedia(dir = mkdtempSync(join(tmpdir(), 'masko-emu-media-'))): string {
  const sizes = [160, 240, 360];
  const clips: unknown[] = [];
  const file = (name: string, type: string, width: number): [string, Record<string, unknown>] => {
    // Varied, incompressible-looking content a few KB long so byte-level faults are visible.
    const chunks: Buffer[] = [];
    for (let i = 0; chunks.length * 32 < 3000 + width; i++) chunks.push(createHash('sha256').update(`${name}:${i}`).digest());
    const bytes = Buffer.concat(chunks);
    writeFileSync(join(dir, name), bytes);
    const stacked = type === 'stacked_video';
    const mime = type.includes('image')
      ? 'image/png'
      : type === 'webm'
        ? 'video/webm; codecs="vp09.00.10.08"'
        : type === 'hevc'
          ? 'video/quicktime; codecs="hvc1.1.6.L93.B0"'
          : 'video/mp4; codecs="avc1.64001e"';
    return [name, { width, height: stacked ? width * 2 : width, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), mime }];
  };
  const build = (base: string, withImage: boolean): { files: Record<string, Record<string, string>>; meta: Record<string, unknown> } => {
    const files: Record<string, Record<string, string>> = {};
    const meta: Record<string, unknown> = {};
    const add = (type: string, width: number, name: string): void => {
      const [n, m] = file(name, type, width);
      (files[type] ??= {})[String(width)] = n;
      meta[n] = m;
    };
    if (withImage) add('image', 480, `${base}.png`);
    add('video', 480, `${base}.mp4`);
    for (const [type, ext, suffix] of [
      ['transparent_image', 'png', '-t'],
      ['webm', 'webm', ''],
      ['hevc', 'mov', ''],
      ['stacked_video', 'mp4', '-stacked'],
    ] as const) {
      add(type, 480, `${base}${suffix}.${ext}`);
      for (const s of sizes) add(type, s, `${base}${suffix}-${s}.${ext}`);
    }
    return { files, meta };
  };
  for (const [s, pose] of POSES) clips.push({ slug: s, kind: 'pose', pose, loop: true, duration: 2, ...build(s, true) });
  for (const [from, to] of TRANSITIONS) {
    const s = `${slug(from)}-${slug(to)}`;
    clips.push({ slug: s, kind: 'transition', from, to, loop: false, duration: 1, ...build(s, false) });
  }
  const index = { character: 'Felix the Fox', prompt: 'A friendly orange fox mascot', width: 480, height: 480, sizes, fps: 24, clips };
  writeFileSync(join(dir, 'demo.json'), JSON.stringify(index, null, 2));
  return dir;
}

let mediaDir: string | undefined;

const FIXTURE_VERSION = 1;

/**
 * The fixture media, made once per machine: its content is deterministic, so test files (and
 * parallel workers) share one directory, built aside and renamed into place.
 */
export function fixtureMedia(): string {
  if (mediaDir) return mediaDir;
  const dir = join(tmpdir(), `masko-emulator-fixture-media-v${FIXTURE_VERSION}`);
  if (!existsSync(join(dir, 'demo.json'))) {
    const staging = makeFixtureMedia();
    try {
      renameSync(staging, dir);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another worker won the race
    }
  }
  mediaDir = dir;
  return dir;
}

/** Starts an emulator on free ports over the fixture media (fast jobs unless told otherwise). */
export function start(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ mediaDir: fixtureMedia(), jobDelayMs: 20, ...options });
}

export interface ApiResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A JSON call to the emulator's API with the test key. */
export async function call<T = any>(
  emu: Emulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = AUTH,
): Promise<ApiResult<T>> {
  const res = await fetch(`${emu.apiUrl}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Timers stepped by the test: the job lifecycle runs without waiting on the wall clock. */
export class ManualTimers {
  private queue: { id: number; at: number; fn: () => void }[] = [];
  private seq = 0;
  private now = 0;

  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.queue.push({ id, at: this.now + ms, fn });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.queue = this.queue.filter((t) => t.id !== handle);
  };

  /** Runs the earliest pending timer; false when none is left. */
  step(): boolean {
    this.queue.sort((a, b) => a.at - b.at || a.id - b.id);
    const next = this.queue.shift();
    if (!next) return false;
    this.now = next.at;
    next.fn();
    return true;
  }

  /** Runs timers until none is left (including ones scheduled meanwhile, e.g. reverse jobs). */
  runAll(limit = 100): void {
    for (let i = 0; i < limit && this.step(); i++);
  }

  get pending(): number {
    return this.queue.length;
  }
}

export interface RawResult {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  bytes: Buffer;
  /** Socket error or premature close, if any. */
  error?: string;
  /** True when `windowMs` passed with the response still open. */
  timedOut: boolean;
}

/** A raw HTTP request that reports exactly what arrived: bytes, errors, early closes, silence. */
export function rawRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; windowMs?: number } = {},
): Promise<RawResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const out: RawResult = { bytes: Buffer.alloc(0), timedOut: false };
    let done = false;
    const finish = (extra: Partial<RawResult> = {}): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      Object.assign(out, extra, { bytes: Buffer.concat(chunks) });
      req.destroy();
      resolve(out);
    };
    const timer = setTimeout(() => finish({ timedOut: true }), init.windowMs ?? 5_000);
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: { connection: 'close', ...init.headers }, agent: false }, (res) => {
      out.status = res.statusCode;
      out.headers = res.headers;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => finish());
      res.on('aborted', () => finish({ error: 'aborted' }));
      res.on('error', (e) => finish({ error: e.message }));
      res.on('close', () => finish(res.complete ? {} : { error: 'closed before the end' }));
    });
    req.on('error', (e) => finish({ error: e.message }));
    req.end(init.body);
  });
}

/** Waits until no job is pending or processing (follow-up reverse jobs included). */
export async function settle(emu: Emulator): Promise<void> {
  for (let round = 0; round < 20; round++) {
    // One snapshot: two filtered lists could miss a reverse job spawned between them.
    const all = (await call(emu, 'GET', '/jobs?limit=100')).body.data as { id: string; status: string }[];
    const open = all.filter((j) => j.status === 'pending' || j.status === 'processing');
    if (open.length === 0) return;
    await Promise.all(open.map((j: any) => call(emu, 'GET', `/jobs/${j.id}?wait=true`)));
  }
  throw new Error('jobs did not settle');
}
