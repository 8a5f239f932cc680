#!/usr/bin/env node
// Runs the browser suites. Firefox's WebGL needs a display, so without one we re-run
// ourselves under xvfb-run (Debian's xvfb), which CI installs.
//
// A test file whose page stopped answering (the runner's own timeout, no test result) is run once more,
// alone, in that browser; the hang is printed either way, with the engine's last requests to the test
// server. Any failing test fails the run at once: only hangs are re-run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const display = !process.env.DISPLAY && spawnSync('sh', ['-c', 'command -v xvfb-run']).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'masko-wtr-'));

/** One web-test-runner run; returns its exit status and what the hung-sessions reporter wrote. */
function run(env, label) {
  const report = join(scratch, `${label}.json`);
  const args = ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)];
  const [command, commandArgs] = display ? ['xvfb-run', ['-a', '-s', '-screen 0 1280x720x24', 'npx', ...args]] : ['npx', args];
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env, WTR_SESSIONS_REPORT: report } });
  let sessions = { failed: [], hung: [] };
  try {
    sessions = JSON.parse(readFileSync(report, 'utf8'));
  } catch {} // the runner stopped before its reporters ran: nothing to re-run
  return { status: result.status ?? 1, sessions };
}

let { status, sessions } = run({}, 'run');
const { failed, hung } = sessions;
for (const session of hung) {
  console.log(`[browser-tests] ${session.browser} hung on ${relative(process.cwd(), session.file)}; its last requests to the test server:`);
  for (const line of session.requests) console.log(`  ${line}`);
}
if (status !== 0 && hung.length > 0 && failed.length === hung.length) {
  const files = [...new Set(hung.map((session) => relative(process.cwd(), session.file)))];
  const browsers = [...new Set(hung.map((session) => session.browser))];
  console.log(
    `[browser-tests] hung (no result from the page): ${hung.map((s) => `${s.browser} ${relative(process.cwd(), s.file)}`).join(', ')}; running again`,
  );
  ({ status } = run({ WTR_FILES: files.join(','), WTR_BROWSERS: browsers.join(',') }, 'rerun'));
  console.log(`[browser-tests] the re-run ${status === 0 ? 'passed' : 'failed too'}`);
}
rmSync(scratch, { recursive: true, force: true });
process.exit(status);
