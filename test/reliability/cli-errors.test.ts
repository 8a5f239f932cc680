/**
 * What `masko` prints when it fails, as a user sees it (a real process): one `[masko]` message naming
 * the file, option, URL or entry, with a hint, and no stack unless `--debug` — for config files with
 * syntax errors (used to be a raw c12/jiti stack), a `--config` that does not exist (used to succeed
 * with an empty lockfile), collection ids that would reach other API paths (used to send the key to
 * `GET /v1/`), and downloads from a `file:` URL or a lockfile entry (used to name neither).
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiProxy } from './api-proxy.js';
import { KEY, listTree, makeProject, type Project, runMasko } from './harness.js';

const felix = { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm'], include: ['Idle', 'Wave'] };
const ITEMS = `/v1/collections/${DEMO.collectionId}/items`;
const STACK = /^\s+at /m;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false });
});
afterAll(async () => {
  await emu?.close();
});

/** Runs `masko <args>` in a project whose config file is `config` (name → text); nothing may be written. */
async function failsWritingNothing(files: Record<string, string>, args: string[], message: RegExp, env: Record<string, string> = {}): Promise<string> {
  const project = await makeProject({});
  try {
    await rm(join(project.root, 'masko.config.json'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(project.root, name), text);
    const before = await listTree(project.outer);
    const sent = emu.requests().length;
    const run = await runMasko([...args, '--root', project.root], { MASKO_API_URL: emu.apiUrl, ...env });
    expect(run.code, run.out).toBe(1);
    expect(run.out).toMatch(message);
    expect(run.out).toMatch(/\n {2}hint: /);
    expect(run.out).not.toContain(KEY);
    expect(await listTree(project.outer)).toEqual(before);
    expect(emu.requests().length).toBe(sent);
    return run.out;
  } finally {
    await project.close();
  }
}

describe('masko CLI errors', () => {
  it('a syntax error in masko.config.json: one line naming the file and the position, no stack', async () => {
    const out = await failsWritingNothing(
      { 'masko.config.json': '{ "mascots": { "felix": { "collection": ' },
      ['sync'],
      /^\[masko\] config file \S+\/masko\.config\.json is not valid JSON: .*(position|JSON)/m,
    );
    expect(out).not.toMatch(STACK);
  }, 60_000);

  it('a syntax error in masko.config.ts (jiti): one line naming the file and line, no stack; --debug adds it', async () => {
    const files = { 'masko.config.ts': 'export default { mascots: { felix: { collection: "x" } }\n' };
    const pattern = /^\[masko\] config file \S+\/masko\.config\.ts could not be loaded: .*masko\.config\.ts:\d+:\d+/m;
    expect(await failsWritingNothing(files, ['sync'], pattern)).not.toMatch(STACK);
    expect(await failsWritingNothing(files, ['sync', '--debug'], pattern)).toMatch(STACK);
    expect(await failsWritingNothing(files, ['status'], pattern, { DEBUG: '1' })).toMatch(STACK);
  }, 60_000);

  it('a config that throws when loaded: one line with its message', async () => {
    const out = await failsWritingNothing(
      { 'masko.config.mjs': 'throw new Error("no mascots today");\n' },
      ['status'],
      /^\[masko\] config file \S+\/masko\.config\.mjs could not be loaded: no mascots today/m,
    );
    expect(out).not.toMatch(STACK);
  }, 60_000);

  it('--config naming a file that does not exist fails, writing no lockfile and no masko.d.ts', async () => {
    const out = await failsWritingNothing(
      { 'masko.config.json': JSON.stringify({ mascots: { felix } }) },
      ['sync', '--config', 'masko.other.json'],
      /^\[masko\] config file masko\.other\.json was not found in \S+/m,
    );
    expect(out).not.toMatch(STACK);
  }, 60_000);

  for (const id of ['..', '.', '../projects', 'a/b', '%2e%2e', '..%2f', '']) {
    it(`collection id ${JSON.stringify(id)}: refused naming the option, nothing sent`, async () => {
      const out = await failsWritingNothing(
        { 'masko.config.json': JSON.stringify({ mascots: { felix: { ...felix, collection: id } } }) },
        ['sync'],
        new RegExp(
          `^\\[masko\\] mascots\\.felix\\.collection: expected a collection id \\(letters, digits, "-" and "_", 1 to 128 characters\\), received ${escapeRegExp(`"${id}"`)}`,
          'm',
        ),
      );
      expect(out).not.toMatch(STACK);
    }, 60_000);
  }

  it('an API asset URL file:///etc/passwd: named as file:/etc/passwd with its mascot, pose and asset (not null/etc/passwd)', async () => {
    const proxy = await apiProxy(emu, (path, body) =>
      path === ITEMS
        ? {
            json: {
              ...(body as object),
              data: (body as { data: { name: string; assets: { type: string; url: string }[] }[] }).data.map((i) =>
                i.name === 'Idle' ? { ...i, assets: i.assets.map((a) => (a.type === 'webm' ? { ...a, url: 'file:///etc/passwd', sha256: null } : a)) } : i,
              ),
            },
          }
        : undefined,
    );
    const project = await makeProject({ mascots: { felix } });
    try {
      const run = await runMasko(['sync', '--root', project.root], { MASKO_API_URL: proxy.apiUrl });
      expect(run.code, run.out).toBe(1);
      expect(run.out).toMatch(
        /\[masko\] mascot "felix", pose "Idle" \(webm asset \S+\): download file:\/etc\/passwd: only http\(s\) URLs can be downloaded, got file:/,
      );
      expect(run.out).not.toContain('null/etc/passwd');
      expect(run.out).not.toMatch(STACK);
      expect(existsSync(project.lockfile)).toBe(false);
    } finally {
      await project.close();
      await proxy.close();
    }
  }, 60_000);

  it('a lockfile entry whose file is gone from the cache and from its URL: names the mascot, pose, asset and URL', async () => {
    const project: Project = await makeProject({ mascots: { felix } });
    try {
      expect((await runMasko(['sync', '--root', project.root], { MASKO_API_URL: emu.apiUrl })).code).toBe(0);
      const lock = JSON.parse(await readFile(project.lockfile, 'utf8')) as {
        mascots: { felix: { poses: { Idle: { files: { format: string; url: string; asset: string }[] } } } };
      };
      const webm = lock.mascots.felix.poses.Idle.files.find((f) => f.format === 'webm')!;
      webm.url = `${new URL(webm.url).origin}/gone/idle.webm`;
      await writeFile(project.lockfile, JSON.stringify(lock, null, 2));
      await rm(project.cacheDir, { recursive: true });
      const run = await runMasko(['sync', '--root', project.root], { MASKO_API_URL: emu.apiUrl });
      expect(run.code, run.out).toBe(1);
      expect(run.out).toMatch(
        new RegExp(
          `\\[masko\\] mascot "felix", pose "Idle" \\(webm asset ${webm.asset} in the lockfile\\): GET http://127\\.0\\.0\\.1:\\d+/gone/idle\\.webm failed with 404`,
        ),
      );
      expect(run.out).not.toMatch(STACK);
    } finally {
      await project.close();
    }
  }, 120_000);
});
