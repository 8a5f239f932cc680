#!/usr/bin/env node
import { spawn, spawnSync } from 'node:child_process';
// `npm start`: the demo. Builds the workspace when it has not been built yet, starts the
// emulator (the demo mascot, offline) and the playground's Vite dev server against it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = ['manifest', 'client', 'emulator', 'player', 'unplugin'].every((name) => existsSync(`${root}packages/${name}/dist/index.js`));
if (!built) {
  console.log('masko: first run, building the workspace…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { startEmulator, DEMO } = await import('../packages/emulator/dist/index.js');
const emulator = await startOnFreePorts();
console.log(`masko-emulator: api ${emulator.apiUrl} assets ${emulator.assetsUrl}`);
console.log(`masko-emulator: demo collection ${DEMO.collectionId}`);

/**
 * 4010/4011 by default (MASKO_EMULATOR_PORT moves them). When they are taken (another `npm start`, any
 * other server), free ports instead, and say so; a port asked for by MASKO_EMULATOR_PORT is not moved.
 */
async function startOnFreePorts() {
  const asked = process.env.MASKO_EMULATOR_PORT;
  const port = Number(asked ?? 4010);
  try {
    return await startEmulator({ port, assetsPort: port === 0 ? 0 : port + 1 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/EADDRINUSE/.test(message) || asked !== undefined) {
      console.error(
        `[masko] the emulator cannot start: ${message.replace(/^\[masko-emulator\] /, '')}`
          + (asked !== undefined ? `\n  hint: MASKO_EMULATOR_PORT=${asked} is taken; choose another port, or unset it to let npm start pick free ones.` : ''),
      );
      process.exit(1);
    }
    console.log(`masko: port ${port} or ${port + 1} is taken; the emulator uses free ports instead (set MASKO_EMULATOR_PORT to choose)`);
    return startEmulator({ port: 0, assetsPort: 0 });
  }
}

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
