// Debian Chromium through playwright-core, headless, software GL: one launch for the end-to-end tests and
// the browser benchmarks. Plain JavaScript so that `node bench/…` runs it without a build (types: chromium.d.mts).
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Chromium's own version string, e.g. "Chromium 131.0.6778.85". */
export async function chromiumVersion(browser) {
  return `Chromium ${browser.version()}`;
}
