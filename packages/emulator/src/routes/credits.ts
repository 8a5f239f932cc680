import { jsonReply } from '../http/reply.js';
import * as wire from '../wire/index.js';
import type { ApiRouter } from './handler.js';

export function creditRoutes(r: ApiRouter): void {
  r.add('GET', '/v1/credits', ({ app }) => jsonReply(200, wire.ok(wire.credits(app.store.credits))));
}
