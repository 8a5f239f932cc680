// `npm start` as a newcomer runs it: scripts/start.mjs (emulator + the playground's Vite dev server) in its
// own process group, the page in Chromium, every pose button and every input control clicked, a
// screenshot per step in test/artifacts/playground/. Any console error, page error or failed request fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = `${root}test/artifacts/playground`;

/** A free port whose successor is free too (the emulator serves its assets on port + 1). */
async function freePortPair(): Promise<number> {
  const listen = (port: number) =>
    new Promise<ReturnType<typeof createServer> | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  for (;;) {
    const first = (await listen(0))!;
    const port = (first.address() as { port: number }).port;
    const second = await listen(port + 1);
    await new Promise((resolve) => first.close(resolve));
    if (second) {
      await new Promise((resolve) => second.close(resolve));
      return port;
    }
  }
}

let server: ChildProcess;
let output = '';
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** Resolves with the URL Vite prints, or rejects with everything printed when start.mjs exits first. */
function viteUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colours (ESC [ … m) from Vite's output
      output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`scripts/start.mjs exited (${code}) before Vite was ready:\n${output}`)));
  });
}

/** Kills start.mjs, npx and Vite together (they share the detached process group) and waits for the exit. */
async function stopServer(): Promise<void> {
  if (!server?.pid || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  process.kill(-server.pid, 'SIGTERM');
  const timer = setTimeout(() => { try { process.kill(-server.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
  await exited;
  clearTimeout(timer);
  try { process.kill(-server.pid, 'SIGKILL'); } catch { /* the group is gone, as it should be */ }
}

beforeAll(async () => {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const port = await freePortPair();
  const vitePort = await freePortPair();
  server = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // No real key: start.mjs points the playground at its emulator.
    env: { ...process.env, MASKO_API_KEY: '', MASKO_EMULATOR_PORT: String(port), PORT: String(vitePort), NO_COLOR: '1' },
  });
  const url = await viteUrl(server);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A video the element releases mid-download (pose switched, layer dropped) is aborted on purpose.
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED' && request.resourceType() === 'media';
    if (!aborted) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`); });
  await page.goto(url);
  // Vite reloads the page when a watched file changes; during this test that means something rebuilt
  // packages/*/dist underneath it (another build running at the same time), not a playground bug.
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) problems.push(`page reloaded by Vite (a watched file changed during the test): ${frame.url()}`);
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stopServer();
});

let step = 0;
const shot = (name: string) => page.screenshot({ path: `${artifacts}/${String(++step).padStart(2, '0')}-${name.replace(/\W+/g, '-')}.png`, fullPage: true, timeout: 90_000 });

/** Resolves with the first of `types` the hero fires with `detail.to === pose`. */
function heading(pose: string, types = ['masko-pose-change']): Promise<string> {
  return page.evaluate(({ pose, types }) => new Promise<string>((resolve) => {
    const hero = document.querySelector('#hero')!;
    const on = (event: Event) => {
      if ((event as CustomEvent<{ to: string }>).detail.to !== pose) return;
      for (const type of types) hero.removeEventListener(type, on);
      resolve(event.type);
    };
    for (const type of types) hero.addEventListener(type, on);
  }), { pose, types });
}
const poseChange = (pose: string) => heading(pose);

test('the page loads the demo mascot from the emulator', async () => {
  await page.locator('#picked dd').first().filter({ hasNotText: 'loading' }).waitFor();
  await expect.poll(() => page.locator('#hero').evaluate((hero: any) => hero.currentSource?.format)).toMatch(/webm|stacked|image/);
  expect(await page.locator('#api-source').textContent()).toContain('masko-emulator');
  await shot('loaded');
  expect(problems).toEqual([]);
}, 180_000);

test('every pose button takes the mascot to its pose', async () => {
  const buttons = page.locator('#poses button');
  const button = (name: string) => buttons.filter({ hasText: new RegExp(`^${name}$`) });
  const names = await buttons.allTextContents();
  expect(names).toEqual(expect.arrayContaining(['Idle', 'Thinking', 'Thumbs Up', 'Wave']));
  for (const name of names) {
    // Already there (the initial pose): pressing its button changes nothing, so go elsewhere first.
    if ((await page.locator('#hero').getAttribute('pose')) === name) {
      const other = names.find((n) => n !== name && n !== 'Thinking')!;
      const away = poseChange(other);
      await button(other).click();
      await away;
    }
    // The demo canvas leaves Thinking at once while the `thinking` input is false (its reverse edge),
    // so that button can only start the way there; the input test below shows Thinking held.
    const event = heading(name, [name === 'Thinking' ? 'masko-transition-start' : 'masko-pose-change']);
    await button(name).click();
    await event;
    await shot(`pose-${name}`);
  }
  expect(problems).toEqual([]);
}, 300_000);

test('every input control drives the state machine', async () => {
  const inputs = page.locator('#inputs');
  // The demo canvas: trigger `wave` (Idle → Wave) and boolean `thinking` (anywhere → Thinking, off → Idle).
  const atIdle = poseChange('Idle');
  await page.locator('#poses button', { hasText: /^Idle$/ }).click();
  if ((await page.locator('#hero').getAttribute('pose')) !== 'Idle') await atIdle;
  const waved = poseChange('Wave');
  await inputs.getByRole('button', { name: 'fire wave' }).click();
  await waved;
  await shot('input-wave');

  const thinking = poseChange('Thinking');
  await inputs.getByRole('checkbox', { name: 'thinking' }).check();
  await thinking;
  await page.locator('#events li', { hasText: /masko-input-change .*"thinking":true/ }).first().waitFor();
  await shot('input-thinking-on');
  const idle = poseChange('Idle');
  await inputs.getByRole('checkbox', { name: 'thinking' }).uncheck();
  await idle;
  await shot('input-thinking-off');

  const clicked = poseChange('Thumbs Up'); // the built-in `clicked`: Idle → Thumbs Up
  await page.locator('#hero').click();
  await clicked;
  await shot('input-clicked');
  expect(problems).toEqual([]);
}, 300_000);

test('every background control recolours the gallery', async () => {
  for (const background of await page.locator('#backgrounds button').allTextContents()) {
    await page.locator('#backgrounds button', { hasText: background }).click();
    expect(await page.locator('#gallery .tile').evaluateAll((tiles) => tiles.map((tile) => (tile as HTMLElement).dataset.bg))).toEqual(
      ['webm', 'stacked', 'hevc', 'image'].map(() => background),
    );
    await shot(`background-${background}`);
  }
  expect(problems).toEqual([]);
}, 180_000);
