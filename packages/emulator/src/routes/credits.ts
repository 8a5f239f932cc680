import { jsonReply } from '../reply.js';
import * as wire from '../wire.js';
import type { ApiRouter } from './types.js';

export function creditRoutes(r: ApiRouter): void {
  r.add('GET', '/v1/credits', ({ app }) => jsonReply(200, wire.ok(wire.credits(app.store.credits))));
}
