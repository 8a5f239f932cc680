// What each engine last asked the test server for, kept so that a hang can say where its page stopped:
// a request still open, or none for the test module (scripts/hung-sessions-reporter.mjs prints them).
const KEEP = 40;
/** @type {Map<string, { url: string, start: number, end: number, status: number }[]>} */
const byEngine = new Map();

/** The engine of a user agent, named as WTR_BROWSERS names it. */
export const engineOf = (userAgent) => (/Firefox\//.test(userAgent) ? 'firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'chromium' : 'webkit');

/** Koa middleware that records every request and when its answer closed. */
export function requestLog() {
  return async (ctx, next) => {
    const engine = engineOf(ctx.get('user-agent'));
    const entry = { url: ctx.url, start: Date.now(), end: 0, status: 0 };
    const list = byEngine.get(engine) ?? [];
    list.push(entry);
    if (list.length > KEEP) list.shift();
    byEngine.set(engine, list);
    ctx.res.once('close', () => {
      entry.end = Date.now();
      entry.status = ctx.status;
    });
    await next();
  };
}

/** The engine's last requests, oldest first, as lines: status (or "open"), start time, URL. */
export const lastRequests = (engine) =>
  (byEngine.get(engine) ?? []).map((entry) => `${entry.end ? entry.status : 'open'} ${new Date(entry.start).toISOString().slice(11, 23)} ${entry.url}`);
