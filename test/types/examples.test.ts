// examples/{react,vue,svelte} as a user would run them: `vite build` with each one's vite.config.ts
// (unplugin-masko against an in-process masko-emulator), tsc on the React one with the generated
// masko.d.ts, then each built page in Chromium: the framework passes `manifest`/`pose` as properties
// and its listeners get the element's events (the status line), and a pose button switches the pose.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, serve } from '../e2e/helpers.js';

const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const outRoot = mkdtempSync(join(tmpdir(), 'masko-examples-'));
const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
let emulator: Emulator;

/** Runs a Node script; rejects with its output when it fails. */
async function run(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  try {
    return (await promisify(execFile)(process.execPath, args, options)).stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`${args.slice(0, 2).join(' ')} failed:\n${failed.stdout ?? ''}${failed.stderr ?? ''}`);
  }
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
  rmSync(outRoot, { recursive: true, force: true });
});

test.each(['react', 'vue', 'svelte'])(
  'examples/%s builds and plays',
  async (name) => {
    const example = fileURLToPath(new URL(`../../examples/${name}/`, import.meta.url));
    const outDir = join(outRoot, name);
    // A child process, as `npm run build` would run it (this worker resolves packages to their TS sources).
    const env = { ...process.env, MASKO_API_URL: emulator.apiUrl, MASKO_API_KEY: `masko_${'0'.repeat(64)}`, MASKO_COLLECTION: DEMO.collectionId };
    await run([vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: example, env });

    // Vue and Svelte templates need vue-tsc / svelte-check (not installed); their typings are in test/types/{vue,svelte}.
    if (name === 'react') expect(await run([tsc, '-p', example, '--pretty', 'false'], { cwd: example })).toBe('');

    const server = await serve(outDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      await page.goto(server.url);
      await page.locator('#status', { hasText: /playing|on screen/ }).waitFor();
      await page.getByRole('button', { name: 'Wave' }).click();
      await page.locator('#status', { hasText: 'on screen: Wave' }).waitFor({ timeout: 30_000 });
      expect(await page.locator('masko-mascot').getAttribute('pose')).toBe('Wave');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  },
  240_000,
);
