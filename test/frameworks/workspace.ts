/**
 * One temporary npm workspace outside the repository holding every framework app, installed in a
 * single `npm install` (npm's shared cache, `--prefer-offline`): the frameworks at their `latest`
 * release from npm and our packages as the tarballs `npm pack` makes, as a user gets them. Node ≥ 22
 * (Astro and Nuxt need it) comes from the npm registry too (`node-<platform>-<arch>`) when the
 * machine's is older.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const APPS = fileURLToPath(new URL('./apps/', import.meta.url));
const PACKAGES = ['wire', 'manifest', 'client', 'player', 'unplugin'] as const;

export interface Run {
  code: number;
  output: string;
  stdout: string;
}

/** Runs a command; never throws on a non-zero exit (the output says why, the caller decides). */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeout ?? 600_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}`, stdout });
      },
    );
  });
}

/** Packs our packages into `dir` (one npm process); returns the tarball path of each package name. */
async function pack(dir: string): Promise<Record<string, string>> {
  const r = await run('npm', ['pack', '--json', '--pack-destination', dir, ...PACKAGES.map((name) => `--workspace=packages/${name}`)], { cwd: REPO });
  if (r.code) throw new Error(`npm pack failed:\n${r.output}`);
  const packed = JSON.parse(r.stdout) as { name: string; filename: string }[];
  return Object.fromEntries(packed.map((p) => [p.name, join(dir, p.filename)]));
}

/** The apps and what each depends on (the frameworks at `latest`, ours as tarballs). */
const DEPS: Record<string, { dependencies: string[]; devDependencies: string[]; scripts: Record<string, string>; from: string }> = {
  'next-turbopack': {
    from: 'next',
    dependencies: ['next', 'react', 'react-dom', 'masko-mascot'],
    devDependencies: ['unplugin-masko', 'typescript', '@types/react', '@types/node'],
    scripts: { build: 'next build' },
  },
  'next-webpack': {
    from: 'next',
    dependencies: ['next', 'react', 'react-dom', 'masko-mascot'],
    devDependencies: ['unplugin-masko', 'typescript', '@types/react', '@types/node'],
    scripts: { build: 'next build --webpack' },
  },
  nuxt: { from: 'nuxt', dependencies: ['nuxt', 'vue', 'masko-mascot'], devDependencies: ['unplugin-masko', 'typescript'], scripts: { build: 'nuxt build' } },
  astro: { from: 'astro', dependencies: ['astro', 'masko-mascot'], devDependencies: ['unplugin-masko', 'typescript'], scripts: { build: 'astro build' } },
  sveltekit: {
    from: 'sveltekit',
    dependencies: ['masko-mascot'],
    devDependencies: ['@sveltejs/kit', '@sveltejs/adapter-static', '@sveltejs/vite-plugin-svelte', 'svelte', 'vite', 'unplugin-masko', 'typescript'],
    scripts: { build: 'masko sync --public static --modules src/lib/masko && vite build' },
  },
};

export interface Workspace {
  dir: string;
  tarballs: Record<string, string>;
  /** Environment for framework commands: Node ≥ 22 and the workspace's bins first on PATH. */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** The Node binary framework commands run on. */
  node: string;
  app(name: string): string;
  /** Seconds each setup step took. */
  timings: Record<string, number>;
}

const timed = async <T>(timings: Record<string, number>, step: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[step] = Math.round((performance.now() - started) / 100) / 10;
  }
};

/**
 * Creates the workspace: packs, copies the apps, scaffolds the fresh Vite template with
 * `create-vite` and applies the README quickstart to it, writes each app's masko.config.ts, installs.
 */
export async function createWorkspace(config: (app: string) => string, viteQuickstart: (dir: string) => Promise<void>): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'masko-frameworks-'));
  try {
    return await fill(dir, config, viteQuickstart);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function fill(dir: string, config: (app: string) => string, viteQuickstart: (dir: string) => Promise<void>): Promise<Workspace> {
  const timings: Record<string, number> = {};
  await mkdir(join(dir, 'tarballs'));
  const tarballs = await timed(timings, 'pack', () => pack(join(dir, 'tarballs')));
  const ours = (name: string) => (tarballs[name] ? `file:${tarballs[name]}` : 'latest');

  for (const [name, spec] of Object.entries(DEPS)) {
    const app = join(dir, name);
    await cp(join(APPS, spec.from), app, { recursive: true });
    const deps = (list: string[]) => Object.fromEntries(list.map((d) => [d, ours(d)]));
    await writeFile(
      join(app, 'package.json'),
      `${JSON.stringify({ name, private: true, type: 'module', scripts: spec.scripts, dependencies: deps(spec.dependencies), devDependencies: deps(spec.devDependencies) }, null, 2)}\n`,
    );
    await writeFile(join(app, 'masko.config.ts'), config(name));
  }

  // The fresh template, exactly as `npm create vite@latest` makes it, then the quickstart.
  await timed(timings, 'create-vite', async () => {
    const r = await run('npx', ['--yes', 'create-vite@latest', 'vite-app', '--template', 'vanilla-ts', '--no-interactive'], { cwd: dir });
    if (r.code) throw new Error(`create-vite failed:\n${r.output}`);
  });
  const vite = join(dir, 'vite-app');
  const vitePkg = JSON.parse(await readFile(join(vite, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  vitePkg.dependencies = { ...vitePkg.dependencies, 'masko-mascot': ours('masko-mascot') };
  vitePkg.devDependencies['unplugin-masko'] = ours('unplugin-masko');
  await writeFile(join(vite, 'package.json'), `${JSON.stringify(vitePkg, null, 2)}\n`);
  await writeFile(join(vite, 'masko.config.ts'), config('vite-app'));
  await viteQuickstart(vite);

  const major = Number(process.versions.node.split('.')[0]);
  const nodePackage = `node-${process.platform}-${process.arch}`;
  const root = {
    name: 'masko-frameworks',
    private: true,
    workspaces: [...Object.keys(DEPS), 'vite-app'],
    // Our packages' own dependencies resolve to the tarballs too (they are not on the registry here).
    overrides: { 'masko-wire': ours('masko-wire'), 'masko-manifest': ours('masko-manifest'), 'masko-client': ours('masko-client') },
    devDependencies: { pnpm: 'latest', ...(major < 22 ? { [nodePackage]: '22' } : {}) },
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(root, null, 2)}\n`);
  await timed(timings, 'npm install', async () => {
    const install = (...flags: string[]) => run('npm', ['install', '--no-audit', '--no-fund', ...flags, '--loglevel=error'], { cwd: dir, timeout: 900_000 });
    let r = await install('--prefer-offline');
    // A release published since npm cached its package list: the cached list lacks a version that
    // `latest` needs (ETARGET, seen with next 16.5.0's @next/env). Ask the registry again.
    if (r.code && /ETARGET|ENOVERSIONS/.test(r.output)) r = await install('--prefer-online');
    if (r.code) throw new Error(`npm install failed:\n${r.output}`);
  });

  const node = major < 22 ? join(dir, 'node_modules', nodePackage, 'bin', 'node') : process.execPath;
  // As a user's shell would have it: the test runner's NODE_ENV=test (and its own variables) would make
  // the frameworks build and serve something else than a production app.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  const env = (extra: NodeJS.ProcessEnv = {}) => ({
    ...clean,
    PATH: [dirname(node), join(dir, 'node_modules/.bin'), process.env.PATH].join(delimiter),
    NEXT_TELEMETRY_DISABLED: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    NUXT_TELEMETRY_DISABLED: '1',
    CI: '1',
    ...extra,
  });
  return { dir, tarballs, env, node, app: (name) => join(dir, name), timings };
}

/**
 * A server process in its own process group (frameworks spawn workers), stopped as a whole. It is
 * started on port 0 and `url` resolves to the address it prints (no port race); it rejects with the
 * output when the process exits first or prints nothing within a minute.
 */
export function startServer(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): { url: Promise<string>; stop(): Promise<void>; output: () => string } {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed within 60 s:\n${output}`)), 60_000);
    const read = (data: Buffer) => {
      output += data;
      const found = /http:\/\/127\.0\.0\.1:([1-9]\d*)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${found[1]}/`);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited:\n${output}`));
    });
  });
  url.catch(() => {}); // the caller awaits it; an early exit is reported there
  return {
    url,
    output: () => output,
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return; // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* stopped */
      }
    },
  };
}
