// Debian's WebKitWebDriver, started on a free loopback port, and the capabilities that make it drive
// MiniBrowser (WebKitGTK). Used by the browser suites (scripts/webkit-launcher.mjs) and by the
// playground test. MiniBrowser needs a display: without $DISPLAY the driver runs under xvfb-run.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

const DRIVER = process.env.WEBKIT_DRIVER_PATH || 'WebKitWebDriver';
const MINIBROWSER = process.env.WEBKIT_MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** webdriverio capabilities for MiniBrowser in automation mode. */
export const webkitCapabilities = {
  browserName: 'MiniBrowser',
  // webdriverio 9 asks for WebDriver BiDi by default; WebKitWebDriver is driven classically.
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the driver and resolves once it answers `/status`, with its port and a `stop()` that ends it
 * and everything it started (MiniBrowser, and Xvfb when it brought one). Rejects with the driver's
 * last output when it exits first or stays silent for 10 s.
 * @returns {Promise<{ port: number, stop(): void }>}
 */
export async function startWebKitDriver() {
  const port = await freePort();
  const args = [`--port=${port}`, '--host=local'];
  const headless = !process.env.DISPLAY && spawnSync('sh', ['-c', 'command -v xvfb-run']).status === 0;
  // MiniBrowser's processes inherit the driver's stderr and fill it with ALSA and D-Bus warnings
  // (no sound card, no session bus under Xvfb): keep only the tail, shown if the driver fails.
  const driver = headless
    ? spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x900x24', DRIVER, ...args], { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
    : spawn(DRIVER, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let tail = '';
  driver.stderr.on('data', (chunk) => (tail = (tail + chunk).slice(-2000)));
  let exited = null;
  driver.once('exit', (code) => (exited = code ?? 'a signal'));
  driver.once('error', (error) => (exited = error.message));
  // Its own process group, so one signal ends the driver, xvfb-run, Xvfb and MiniBrowser together.
  const stop = () => {
    if (exited !== null) return;
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', stop); // also when the run ends without stopping it (Ctrl-C, a crash)
  for (let attempt = 0; attempt < 100; attempt++) {
    if (exited !== null) throw new Error(`[masko] ${DRIVER} exited (${exited}) before answering on port ${port}: ${tail.trim()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return { port, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`[masko] ${DRIVER} did not answer on http://127.0.0.1:${port}/status within 10 s: ${tail.trim()}`);
}
