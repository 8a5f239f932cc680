/**
 * Item names from the API are data, never paths or code: names with `../`, absolute paths, quotes,
 * comment terminators, newlines and emoji sync and pull with every file inside the output and cache
 * folders, a manifest that keeps the names exactly, and a masko.d.ts that still parses.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { validateManifest } from 'masko-manifest';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiProxy } from './api-proxy.js';
import { KEY, listTree, makeProject, snapshot } from './harness.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ITEMS = `/v1/collections/${DEMO.collectionId}/items`;
const RENAME: Record<string, string> = {
  Idle: '../../../escape',
  Wave: '/etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${1}`, to prove names never reach a template string
  'Thumbs Up': 'x"; globalThis.pwned = 1; //*/ </script>\n${1}',
  Thinking: 'C:\\Windows\\system32 🦊 ñ',
};

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false });
});
afterAll(async () => {
  await emu?.close();
});

describe('hostile item names', () => {
  it('stay inside the output and cache folders, survive as data, and keep masko.d.ts valid', async () => {
    const proxy = await apiProxy(emu, (path, body) =>
      path === ITEMS
        ? { json: { ...(body as object), data: (body as { data: { name: string }[] }).data.map((i) => ({ ...i, name: RENAME[i.name] ?? i.name })) } }
        : undefined,
    );
    const project = await makeProject({ mascots: { felix: { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm'] } } }, { nested: true });
    try {
      const r = await run(
        process.execPath,
        [
          '--conditions=source',
          '--import',
          'tsx',
          join(REPO, 'packages/unplugin/src/cli.ts'),
          'pull',
          '--out',
          join(project.root, 'site'),
          '--root',
          project.root,
        ],
        {
          cwd: REPO,
          timeout: 120_000,
          env: { ...process.env, MASKO_API_KEY: KEY, MASKO_API_URL: proxy.apiUrl, CI: '1', NO_COLOR: '1' },
        },
      ).then(
        (x) => ({ code: 0, out: x.stdout + x.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
      expect(r.code, r.out).toBe(0);

      const tree = await listTree(project.outer);
      const allowed =
        /^p\/q\/r\/(masko\.config\.json|masko\.lock\.json|masko\.d\.ts|site\/felix\.json|site\/assets\/[a-z0-9-]+\.[0-9a-f]{8}\.(png|webm)|\.cache\/masko\/.+)$/;
      expect(tree.filter((f) => !allowed.test(f))).toEqual([]);
      expect(tree.filter((f) => f.startsWith('p/q/r/site/assets/')).length).toBeGreaterThan(8);

      const manifest = validateManifest(JSON.parse(await readFile(join(project.root, 'site/felix.json'), 'utf8')));
      expect(Object.keys(manifest.poses).sort()).toEqual(Object.values(RENAME).sort());
      for (const pose of Object.values(manifest.poses)) {
        for (const v of [...pose.poster, ...(pose.media.webm ?? [])]) expect(v.url).toMatch(/^assets\/[a-z0-9-]+\.[0-9a-f]{8}\.(png|webm)$/);
      }

      // masko.d.ts: no syntax errors, and the pose union holds each name exactly.
      const dts = await readFile(project.dts, 'utf8');
      const source = ts.createSourceFile('masko.d.ts', dts, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      expect(
        (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
      ).toEqual([]);
      for (const name of Object.values(RENAME)) expect(dts).toContain(JSON.stringify(name));

      expect((await snapshot(project)).corrupt).toEqual([]);
    } finally {
      await project.close();
      await proxy.close();
    }
  }, 120_000);
});
