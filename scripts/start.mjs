#!/usr/bin/env node
// `npm start`: the demo. Builds the workspace when it has not been built yet, starts the
// emulator (the demo mascot, offline) and the playground's Vite dev server against it.
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = ['manifest', 'client', 'emulator', 'player', 'unplugin']
  .every((name) => existsSync(`${root}packages/${name}/dist/index.js`));
if (!built) {
  console.log('masko: first run, building the workspace…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { startEmulator } = await import('../packages/emulator/dist/index.js');
const port = Number(process.env.MASKO_EMULATOR_PORT ?? 4010);
const emulator = await startEmulator({ port, assetsPort: port + 1 });
console.log(`masko-emulator: api ${emulator.apiUrl} assets ${emulator.assetsUrl}`);

const children = [];
const playground = `${root}playground`;
if (existsSync(`${playground}/vite.config.ts`)) {
  const env = { ...process.env };
  // With a real key the playground talks to the real API; otherwise to the emulator.
  if (!env.MASKO_API_KEY) {
    env.MASKO_API_URL = emulator.apiUrl;
    env.MASKO_API_KEY = `masko_${'0'.repeat(64)}`;
  }
  children.push(spawn('npx', ['vite', '--host', '127.0.0.1'], { cwd: playground, env, stdio: 'inherit' }));
} else {
  console.log('masko: the playground is not there yet; the emulator alone is running. Ctrl-C to stop.');
}

const stop = async () => {
  for (const child of children) child.kill('SIGTERM');
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
