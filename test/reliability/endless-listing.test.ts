/**
 * Listings that never end (a rewriting proxy in front of the emulator answers the items list): the same
 * first page for every offset with `has_more: true` used to make `masko sync` ask thousands of times a
 * second, forever. Each shape now fails with one `[masko]` error naming the list URL, after a bounded
 * number of requests, with no lockfile written.
 */
import { DEMO, type Emulator, startEmulator } from 'masko-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiProxy, type Rewrite } from './api-proxy.js';
import { makeProject, type Project, runMasko, snapshot, syncInProcess } from './harness.js';

const ITEMS = `/v1/collections/${DEMO.collectionId}/items`;
const felix = { collection: DEMO.collectionId, sizes: [160], formats: ['png', 'webm'] };
type Page = { data: Record<string, unknown>[]; meta?: { pagination?: Record<string, unknown> } };

let emu: Emulator;
let firstPage: Page;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, jobDelayMs: 50, rateLimit: false });
  const res = await fetch(`${emu.apiUrl}/collections/${DEMO.collectionId}/items?limit=100&offset=0`, {
    headers: { authorization: `Bearer masko_${'0'.repeat(64)}` },
  });
  firstPage = (await res.json()) as Page;
});
afterAll(async () => {
  await emu?.close();
});

const page = (data: Page['data'], pagination: Record<string, unknown>) => ({ json: { data, meta: { pagination } } });
/** Items renamed and re-identified per offset: every page is new, so only the page cap can stop it. */
const fresh = (offset: number) => firstPage.data.map((item, i) => ({ ...item, id: `endless-${offset}-${i}`, name: `Pose ${offset + i}` }));

/** [shape, rewrite of the items list (by requested offset), what the message must say] */
type Shape = [string, (offset: number, call: number) => ReturnType<typeof page>, RegExp];
const SHAPES: Shape[] = [
  [
    'the same first page for every offset, has_more: true',
    () => page(firstPage.data, { has_more: true }),
    /offset \d+ answered a page already seen, after 1 page/,
  ],
  [
    'the same page, its meta claiming offset 0 every time',
    () => page(firstPage.data, { has_more: true, offset: 0, limit: 100 }),
    /asked for offset \d+, answered offset 0/,
  ],
  ['two pages in turn (A, B, A, …)', (_offset, call) => page(fresh(call % 2), { has_more: true }), /answered a page already seen, after 2 page/],
  ['a total that grows with every page', (offset) => page(firstPage.data, { total: offset + 1000 }), /answered a page already seen/],
  ['new items on every page, has_more forever', (offset) => page(fresh(offset), { has_more: true }), /more than 1000 pages of 100/],
];

/** The rewrite, and how many list requests it answered (the emulator's log is bounded; this is not). */
function rewriteItems(answer: (offset: number, call: number) => ReturnType<typeof page>): { rewrite: Rewrite; calls: () => number } {
  let calls = 0;
  return {
    rewrite: (path, _body, url) => (path === ITEMS ? answer(Number(url.searchParams.get('offset') ?? 0), calls++) : undefined),
    calls: () => calls,
  };
}

describe('listings that never end', () => {
  /** A project behind a proxy answering the items list with `answer`; `check` gets it and the list-request count; no lockfile after. */
  async function behindProxy(answer: Shape[1], check: (project: Project, apiUrl: string, calls: () => number) => Promise<void>): Promise<void> {
    const items = rewriteItems(answer);
    const proxy = await apiProxy(emu, items.rewrite);
    const project = await makeProject({ mascots: { felix } });
    try {
      await check(project, proxy.apiUrl, items.calls);
      expect((await snapshot(project)).lock).toBeUndefined();
    } finally {
      await project.close();
      await proxy.close();
    }
  }

  it(
    "masko sync (a real process) stops on the issue's listing, naming the list URL, after 2 requests",
    () =>
      behindProxy(SHAPES[0]![1], async (project, apiUrl, calls) => {
        const run = await runMasko(['sync', '--root', project.root], { MASKO_API_URL: apiUrl });
        expect(run.code, run.out).toBe(1);
        expect(run.out).toMatch(
          new RegExp(`\\[masko\\] GET ${ITEMS}: the listing does not advance \\(offset \\d+ answered a page already seen, after 1 page\\(s\\)\\)`),
        );
        expect(run.out).toMatch(/\n {2}hint: The API \(or a proxy in front of it\) ignores `offset`; nothing was written/);
        expect(run.out).not.toMatch(/^\s+at /m);
        expect(calls()).toBe(2);
      }),
    120_000,
  );

  for (const [shape, answer, expected] of SHAPES) {
    it(
      `${shape}: one [masko] error naming the list URL, bounded requests, no lockfile`,
      () =>
        behindProxy(answer, async (project, apiUrl, calls) => {
          const outcome = await syncInProcess(project, emu, { apiUrl, retries: 0 });
          expect(outcome.ok, JSON.stringify(outcome).slice(0, 500)).toBe(false);
          expect(outcome.error).toMatch(new RegExp(`^\\[masko\\] GET ${ITEMS}: the listing does not advance`));
          expect(outcome.error).toMatch(expected);
          expect(calls()).toBeGreaterThanOrEqual(2);
          expect(calls()).toBeLessThanOrEqual(1001);
        }),
      120_000,
    );
  }
});
