// Running the real `masko` CLI (packages/unplugin/dist/cli.js) in a child process against an API URL,
// with its wall time and, through report-rss.mjs, its peak resident memory.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../packages/unplugin/dist/cli.js', import.meta.url));
const RSS_HOOK = fileURLToPath(new URL('./report-rss.mjs', import.meta.url));
export const KEY = `masko_${'be0c'.repeat(16)}`;

/** A fresh project directory with `masko.config.json` = `config`. */
export async function project(config) {
  const root = await mkdtemp(join(tmpdir(), 'masko-bench-'));
  await writeFile(join(root, 'masko.config.json'), JSON.stringify(config, null, 2));
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/**
 * Runs `node <args>` with the RSS hook; resolves with wall ms, peak RSS (bytes), exit code and output.
 * Rejects when the process fails, with its output.
 */
export async function runNode(args, { env = {}, cwd, timeoutMs = 300_000 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'masko-bench-rss-'));
  const rssFile = join(dir, 'rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', RSS_HOOK, ...args], {
    cwd,
    env: { ...process.env, CI: '1', NO_COLOR: '1', BENCH_RSS_FILE: rssFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  const peakRss = Number(await readFile(rssFile, 'utf8').catch(() => 'NaN'));
  await rm(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}:\n${output}`);
  return { wallMs, peakRss, output, startedAt: started, endedAt: started + wallMs };
}

/** `masko <command>` in `root` against `apiUrl`. */
export function masko(command, root, apiUrl, extraArgs = []) {
  return runNode([CLI, command, '--root', root, ...extraArgs], { env: { MASKO_API_URL: apiUrl, MASKO_API_KEY: KEY }, cwd: root });
}
