/**
 * What every framework app must show in Chromium: the mascot plays with transparency (pixels read
 * back from the frame on screen), `goTo()` works, every media request answers 200/206 with a media
 * type, no page error, cumulative layout shift over load + 3 s under 0.01, and with JavaScript off
 * the box already has its final size and shows the poster.
 */

import type {} from 'masko-mascot'; // types document.querySelector('masko-mascot')
import type { Browser, Page } from 'playwright-core';

export interface PageReport {
  /** Sum of `layout-shift` entries (without recent input) from navigation to load + 3 s. */
  cls: number;
  /** The element's box once playing, and the box the manifest promises. */
  box: { width: number; height: number };
  format: string | undefined;
  /** Pixels of the frame on screen: fully opaque ones, and the top-left corner's alpha. */
  pixels: { opaque: number; corner: number; width: number };
  /** After `goTo(pose)`: the reflected pose and the file on screen. */
  afterGoTo: { pose: string | undefined; url: string | undefined };
  /** Every media response: status and Content-Type. */
  media: { url: string; status: number; type: string }[];
  errors: string[];
}

export interface NoScriptReport {
  box: { width: number; height: number } | null;
  /** The light-DOM poster: its URL and whether it decoded. */
  poster: { src: string; loaded: boolean } | undefined;
}

const MEDIA = /\.(webm|mp4|mov|png|webp|avif)(\?|$)/;

declare global {
  interface Window {
    __cls: number;
    __goTo: string;
  }
}

async function layoutShiftObserver(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) window.__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Loads `url` and runs every check on its first `<masko-mascot>`; `pose` is where `goTo()` goes. */
export async function checkPage(browser: Browser, url: string, pose: string): Promise<PageReport> {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const media: PageReport['media'] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // A failed load is reported by its response (with the URL) rather than the console's bare line.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    if (MEDIA.test(r.url())) errors.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (MEDIA.test(r.url())) media.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
    else if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`response ${r.status()} ${r.url()}`); // no app ships an icon
  });
  try {
    await layoutShiftObserver(page);
    await page.goto(url, { waitUntil: 'load' });
    // The window the budget is about: load + 3 s (the mascot loads and starts playing in it).
    await page.waitForFunction(
      () => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return !!nav && nav.loadEventEnd > 0 && performance.now() >= nav.loadEventEnd + 3000;
      },
      null,
      { timeout: 20_000, polling: 100 },
    );
    const cls = await page.evaluate(() => window.__cls);
    // Every wait below is bounded: a stuck page fails with its reason instead of hanging the suite.
    await page.waitForFunction(() => document.querySelector('masko-mascot')?.currentSource?.format, null, { timeout: 20_000 });
    // The layer on screen (the hidden one is the idle A/B slot) once it has a frame to read.
    await page.waitForFunction(
      () => {
        const shown = [...document.querySelector('masko-mascot')!.shadowRoot!.querySelectorAll('video, canvas, img')].find(
          (n) => !n.hasAttribute('data-hidden'),
        );
        return shown instanceof HTMLVideoElement ? shown.readyState >= 2 && shown.currentTime > 0 : !!shown;
      },
      null,
      { timeout: 20_000, polling: 100 },
    );
    const report = await page.evaluate(() => {
      const el = document.querySelector('masko-mascot')!;
      const rect = el.getBoundingClientRect();
      const shown = [...el.shadowRoot!.querySelectorAll('video, canvas, img')].find((n) => !n.hasAttribute('data-hidden')) as
        | HTMLVideoElement
        | HTMLCanvasElement
        | HTMLImageElement;
      const w = shown instanceof HTMLVideoElement ? shown.videoWidth : shown instanceof HTMLImageElement ? shown.naturalWidth : shown.width;
      const h = shown instanceof HTMLVideoElement ? shown.videoHeight : shown instanceof HTMLImageElement ? shown.naturalHeight : shown.height;
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext('2d', { willReadFrequently: true })!;
      g.drawImage(shown, 0, 0);
      const data = g.getImageData(0, 0, w, h).data;
      let opaque = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] === 255) opaque++;
      return { box: { width: rect.width, height: rect.height }, format: el.currentSource?.format, pixels: { opaque, corner: data[3]!, width: w } };
    });
    await page.evaluate((target) => {
      window.__goTo = 'pending';
      document
        .querySelector('masko-mascot')!
        .goTo(target)
        .then(
          () => (window.__goTo = 'done'),
          (e: Error) => (window.__goTo = `rejected: ${e.message}`),
        );
    }, pose);
    await page.waitForFunction(() => window.__goTo !== 'pending', null, { timeout: 20_000, polling: 100 }).catch(() => {});
    const settled = await page.evaluate(() => window.__goTo);
    if (settled !== 'done') errors.push(`goTo(${pose}): ${settled === 'pending' ? 'not settled after 20 s' : settled}`);
    const afterGoTo = await page.evaluate(() => {
      const el = document.querySelector('masko-mascot')!;
      return { pose: el.pose, url: el.currentSource?.url };
    });
    return { cls, media, errors, ...report, afterGoTo };
  } finally {
    await context.close();
  }
}

/** The same page with JavaScript disabled: what the server sent is all there is. */
export async function checkNoScript(browser: Browser, url: string): Promise<NoScriptReport> {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const box = await page.locator('masko-mascot').first().boundingBox();
    const img = page.locator('masko-mascot > img').first();
    const poster = (await img.count())
      ? { src: (await img.getAttribute('src')) ?? '', loaded: await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0) }
      : undefined;
    return { box: box && { width: box.width, height: box.height }, poster };
  } finally {
    await context.close();
  }
}
