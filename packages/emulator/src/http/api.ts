import type { IncomingMessage } from 'node:http';
import { API_KEY_PATTERN } from 'masko-wire';
import type { App, RouteContext } from '../context.js';
import { sha256Hex } from '../model/ids.js';
import type { ApiRouter } from '../routes/handler.js';
import * as wire from '../wire/index.js';
import { ApiError } from './errors.js';
import { toOldRevision } from './old-revision.js';
import type { RateLimiter } from './rate-limit.js';
import { jsonReply, parseJsonObject, type Reply, readBody } from './reply.js';

const BEARER = /^Bearer (\S+)$/;

export function errorReply(e: ApiError): Reply {
  return jsonReply(e.status, wire.errorBody(e.code, e.message, e.extra), e.headers);
}

/** The API origin: `/v1/*` behind auth and the rate limit; `/` describes the emulator. */
export function createApiHandler(app: App, router: ApiRouter, limiter: RateLimiter) {
  const handle = async (req: IncomingMessage, url: URL): Promise<Reply> => {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (path === '/' && method === 'GET') {
      return jsonReply(200, wire.ok({ name: 'masko-emulator', api: `${url.origin}/v1`, assets: app.wire.assetsOrigin }));
    }
    if (!path.startsWith('/v1/')) {
      return errorReply(new ApiError(404, 'not_found', `no such path ${path}: the Masko API lives under /v1`));
    }
    const match = BEARER.exec(req.headers.authorization ?? '');
    if (!match || !API_KEY_PATTERN.test(match[1]!)) {
      return errorReply(new ApiError(401, 'unauthorized', 'missing or malformed API key: send "Authorization: Bearer masko_<64 hex>"'));
    }
    const rate = limiter.hit(sha256Hex(match[1]!));
    if (!rate.allowed) {
      return errorReply(new ApiError(429, 'rate_limited', 'Too many requests; retry after the Retry-After header', {}, rate.headers));
    }
    const reply = await route(app, router, req, url, method, path);
    reply.headers = { ...reply.headers, ...rate.headers };
    return reply;
  };
  if (app.opts.revision === 'new') return handle;
  return async (req: IncomingMessage, url: URL): Promise<Reply> => {
    const reply = await handle(req, url);
    return url.pathname.startsWith('/v1/') ? toOldRevision(reply, url.pathname) : reply;
  };
}

async function route(app: App, router: ApiRouter, req: IncomingMessage, url: URL, method: string, path: string): Promise<Reply> {
  try {
    const found = router.match(method, path);
    if (found === 'method') throw new ApiError(405, 'bad_request', `method ${method} is not supported on ${path}`);
    if (!found) {
      throw new ApiError(404, 'not_found', `no route ${method} ${path} (masko-emulator does not emulate it; see its API.md)`);
    }
    const raw = method === 'GET' || method === 'HEAD' || method === 'DELETE' ? Buffer.alloc(0) : await readBody(req);
    const ctx: RouteContext = {
      app,
      method,
      path,
      params: found.params,
      query: url.searchParams,
      body: parseJsonObject(raw, req.headers['content-type']),
    };
    return await found.handler(ctx);
  } catch (e) {
    if (e instanceof ApiError) return errorReply(e);
    process.stderr.write(`[masko-emulator] internal error on ${method} ${path}: ${(e as Error).stack ?? String(e)}\n`);
    return errorReply(new ApiError(500, 'internal_error', `internal emulator error: ${(e as Error).message}`));
  }
}
