import type { IncomingMessage, ServerResponse } from 'node:http';
import { VERSION } from '../version.js';
import { errorReply } from './api.js';
import { ApiError } from './errors.js';
import type { Faults, Origin } from './faults.js';
import type { Reply } from './reply.js';
import { type RequestLog, redactHeaders } from './request-log.js';
import { dropResponse, writeReply } from './write.js';

export type OriginHandler = (req: IncomingMessage, url: URL) => Promise<Reply> | Reply;

/**
 * One request on either origin: admin calls bypass faults and the log; everything else is logged,
 * may be replaced or damaged by the newest matching fault layer, and is written on the raw socket.
 */
export function pipeline(origin: Origin, faults: Faults, log: RequestLog, handle: OriginHandler, admin?: OriginHandler) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void run(req, res).catch((e: unknown) => {
      process.stderr.write(`[masko-emulator] ${origin} ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}\n`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };

  async function run(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? 'localhost';
    const url = new URL(req.url ?? '/', `http://${host}`);
    const method = req.method ?? 'GET';
    if (admin && url.pathname.startsWith('/__admin')) {
      const reply = await admin(req, url);
      writeReply(res, withVersion(reply), undefined, method === 'HEAD');
      return;
    }
    const fault = faults.takeResponseFault(origin, method, url.pathname);
    let reply: Reply;
    if (fault?.kind === 'status') {
      const status = fault.status ?? 503;
      reply = errorReply(new ApiError(status, status >= 500 ? 'internal_error' : 'bad_request', `injected fault: status ${status}`));
    } else if (fault?.kind === 'rate-limit') {
      reply = errorReply(
        new ApiError(
          429,
          'rate_limited',
          'injected fault: rate limited',
          {},
          {
            'retry-after': String(fault.retryAfter ?? 1),
            'x-ratelimit-remaining': '0',
          },
        ),
      );
    } else {
      reply = await handle(req, url);
    }
    reply = withVersion(reply);
    log.record({
      origin,
      method,
      path: url.pathname,
      query: url.search,
      headers: redactHeaders(req.headers),
      status: reply.status,
      fault: fault?.kind ?? null,
      at: new Date().toISOString(),
    });
    if (fault?.kind === 'drop-response') dropResponse(res);
    else writeReply(res, reply, fault, method === 'HEAD');
  }
}

function withVersion(reply: Reply): Reply {
  return { ...reply, headers: { ...reply.headers, 'x-masko-emulator-version': VERSION } };
}
