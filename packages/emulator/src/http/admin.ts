import type { IncomingMessage } from 'node:http';
import type { App } from '../context.js';
import { errorReply } from './api.js';
import { ApiError, badRequest } from './errors.js';
import { parseFault } from './faults.js';
import { emptyReply, jsonReply, parseJsonObject, type Reply, readBody } from './reply.js';
import type { RequestLog } from './request-log.js';

/** `/__admin/*`: request log, fault layers, credits, reset. 404 unless started with `admin: true`. */
export function createAdminHandler(app: App, log: RequestLog, reset: () => void) {
  return async (req: IncomingMessage, url: URL): Promise<Reply> => {
    const route = `${req.method} ${url.pathname}`;
    if (!app.opts.admin) {
      return errorReply(new ApiError(404, 'not_found', 'the admin API is off: start the emulator with --admin (admin: true)'));
    }
    try {
      switch (route) {
        case 'GET /__admin/requests':
          return jsonReply(200, { data: log.list() });
        case 'DELETE /__admin/requests':
          log.clear();
          return emptyReply(204);
        case 'GET /__admin/faults':
          return jsonReply(200, { data: app.faults.list() });
        case 'POST /__admin/faults': {
          const body = parseJsonObject(await readBody(req), req.headers['content-type']);
          let spec;
          try {
            spec = parseFault(body);
          } catch (e) {
            throw badRequest((e as Error).message);
          }
          return jsonReply(201, { data: { id: app.faults.add(spec) } });
        }
        case 'DELETE /__admin/faults':
          app.faults.clear();
          return emptyReply(204);
        case 'POST /__admin/credits': {
          const body = parseJsonObject(await readBody(req), req.headers['content-type']);
          const balance = body.balance;
          if (!Number.isInteger(balance) || (balance as number) < 0) throw badRequest('balance must be a non-negative integer');
          app.credits.set(balance as number);
          app.persist();
          return jsonReply(200, { data: { balance } });
        }
        case 'POST /__admin/expire-urls':
          app.wire.signer?.rotate();
          return emptyReply(204);
        case 'POST /__admin/reset':
          reset();
          return emptyReply(204);
        default:
          throw new ApiError(404, 'not_found', `no admin route ${route}`);
      }
    } catch (e) {
      if (e instanceof ApiError) return errorReply(e);
      throw e;
    }
  };
}
