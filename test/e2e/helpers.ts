/** Shared pieces of the end-to-end suite: a loopback static server, Chromium, and a pixel probe. */
import type { Browser } from 'playwright-core';

// One Chromium launch and one static server for the tests and the benchmarks (test/support/).
export { launchChromium } from '../support/chromium.mjs';
export { serve } from '../support/static-server.mjs';

export interface PixelReport {
  url?: string;
  width?: number;
  height?: number;
  opaque?: number;
  corner?: number;
  initial?: string;
  poses?: string[];
  error?: string;
}

/** Opens the page and waits for the fixture's report of the first presented video frame. */
export async function probe(browser: Browser, url: string): Promise<PixelReport & { failed: string[] }> {
  const page = await browser.newPage();
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __masko?: unknown }).__masko, null, { timeout: 20_000 });
    const report = await page.evaluate(() => (window as unknown as { __masko: PixelReport }).__masko);
    return { ...report, failed };
  } finally {
    await page.close();
  }
}
