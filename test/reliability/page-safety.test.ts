/**
 * The element never breaks a page: the standalone build (packages/player/dist) plays the pulled demo
 * mascot on pages served with `Content-Security-Policy: default-src 'self'` and Trusted Types
 * enforced (`require-trusted-types-for 'script'`, also with `trusted-types 'none'`: no policy may be
 * created), with no violation, no uncaught error and no console error; a `src` that is truncated JSON
 * fires one `masko-error` naming the URL and leaves the other elements playing. Chromium only:
 * Firefox ESR has no Trusted Types.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO, startEmulator } from 'masko-emulator';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/helpers.js';
import { KEY } from './harness.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(REPO, 'packages/player/dist');
const PAGES = fileURLToPath(new URL('./pages/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.png': 'image/png',
};
const HTML = `<!doctype html><meta charset="utf-8"><title>masko under CSP + Trusted Types</title>
<script src="watch.js"></script>
<script type="module" src="masko-mascot.js"></script>
<masko-mascot id="auto" src="felix.json" loading="eager"></masko-mascot>
<masko-mascot id="stacked" src="felix.json" loading="eager" renderer="stacked"></masko-mascot>
<masko-mascot id="webm" src="felix.json" loading="eager" renderer="webm"></masko-mascot>
<masko-mascot id="broken" src="broken.json" loading="eager"></masko-mascot>
<script type="module" src="drive.js"></script>
`;

let site: string;
let server: Server;
let base: string;
let browser: Browser;
let policy = '';

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'masko-csp-'));
  const emu = await startEmulator({ port: 0, jobDelayMs: 50 });
  try {
    await writeFile(
      join(site, 'masko.config.json'),
      JSON.stringify({ cacheDir: '.cache', mascots: { felix: { collection: DEMO.collectionId, sizes: [160] } } }),
    );
    await run(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', join(REPO, 'packages/unplugin/src/cli.ts'), 'pull', '--out', join(site, 'www'), '--root', site],
      {
        cwd: REPO,
        timeout: 120_000,
        env: { ...process.env, MASKO_API_KEY: KEY, MASKO_API_URL: emu.apiUrl, CI: '1' },
      },
    );
  } finally {
    await emu.close();
  }
  const www = join(site, 'www');
  for (const f of await readdir(DIST)) if (f.endsWith('.js')) await copyFile(join(DIST, f), join(www, f));
  for (const f of ['watch.js', 'drive.js']) await copyFile(join(PAGES, f), join(www, f));
  await writeFile(join(www, 'index.html'), HTML);
  const felix = await readFile(join(www, 'felix.json'), 'utf8');
  await writeFile(join(www, 'broken.json'), felix.slice(0, Math.floor(felix.length / 2)));
  server = createServer(async (req, res) => {
    // No favicon: answer it empty, so every 404 in the console would be ours.
    if (req.url === '/favicon.ico') {
      res.statusCode = 204;
      return res.end();
    }
    const file = normalize(join(www, decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/\/$/, '/index.html')));
    const body = file.startsWith(www) ? await readFile(file).catch(() => undefined) : undefined;
    if (!body) {
      res.statusCode = 404;
      return res.end();
    }
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Number(range[2]) : body.length - 1;
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Accept-Ranges': 'bytes' });
      return res.end(body.subarray(start, end + 1));
    }
    res.setHeader('Accept-Ranges', 'bytes');
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
  if (site) await rm(site, { recursive: true, force: true });
});

const POLICIES = [
  "default-src 'self'; require-trusted-types-for 'script'",
  // The element creates no Trusted Types policy at all, so even an empty allow-list works.
  "default-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'",
];

describe('<masko-mascot> under a strict CSP with Trusted Types enforced', () => {
  for (const p of POLICIES) {
    it(`plays and switches poses with no violation: ${p}`, async () => {
      policy = p;
      const page = await browser.newPage();
      const consoleErrors: string[] = [];
      const pageErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      const notFound: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) notFound.push(new URL(r.url()).pathname);
      });
      try {
        const response = await page.goto(base);
        expect(response?.headers()['content-security-policy']).toBe(p);
        // The CSP really applies: an inline script is refused (so "no violation" below means something).
        // Polled with evaluate (CDP), which the page's policy does not govern.
        for (let i = 0; i < 300 && !(await page.evaluate(() => !!(window as unknown as { driven?: unknown }).driven)); i++) await page.waitForTimeout(100);
        const state = await page.evaluate(() => {
          const w = window as unknown as {
            violations: string[];
            maskoErrors: { id: string; reason: string; message: string }[];
            driven: { id: string; format: string }[];
          };
          return { violations: w.violations, maskoErrors: w.maskoErrors, driven: w.driven, tt: 'trustedTypes' in window };
        });
        expect(state.tt).toBe(true);
        expect(state.driven, JSON.stringify({ ...state, pageErrors, consoleErrors })).toBeDefined();
        expect(state.violations).toEqual([]);
        expect(pageErrors).toEqual([]);
        expect(state.driven).toEqual([
          { id: 'auto', format: 'webm' },
          { id: 'stacked', format: 'stacked' },
          { id: 'webm', format: 'webm' },
        ]);
        expect(state.maskoErrors).toHaveLength(1);
        expect(state.maskoErrors[0]).toMatchObject({ id: 'broken', reason: 'manifest-invalid' });
        expect(state.maskoErrors[0]!.message).toMatch(/broken\.json.*not JSON/);
        expect(notFound).toEqual([]);
        expect(consoleErrors.filter((m) => !/broken\.json/.test(m))).toEqual([]);
        // A control: the same page refuses an inline script, so the policy is live.
        await page.addScriptTag({ content: 'window.inlineRan = true' }).catch(() => undefined);
        expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan ?? false)).toBe(false);
        expect((await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).length).toBeGreaterThan(0);
      } finally {
        await page.close();
      }
    }, 60_000);
  }
});
