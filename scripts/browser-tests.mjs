#!/usr/bin/env node
// Runs the browser suites. Firefox's WebGL needs a display, so without one we re-run
// ourselves under xvfb-run (Debian's xvfb), which CI installs.
import { spawnSync } from 'node:child_process';

const args = ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)];
let command = 'npx';
let commandArgs = args;
if (!process.env.DISPLAY && spawnSync('sh', ['-c', 'command -v xvfb-run']).status === 0) {
  command = 'xvfb-run';
  commandArgs = ['-a', '-s', '-screen 0 1280x720x24', 'npx', ...args];
}
const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
process.exit(result.status ?? 1);
