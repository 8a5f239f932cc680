import { isTerminal } from '../generation/jobs.js';
import { badRequest, notFound } from '../http/errors.js';
import { pageParams } from '../http/fields.js';
import { jsonReply } from '../http/reply.js';
import * as wire from '../wire/index.js';
import type { ApiRouter } from './handler.js';

const STATUSES = ['pending', 'processing', 'completed', 'failed'];

export function jobRoutes(r: ApiRouter): void {
  r.add('GET', '/v1/jobs', ({ app, query }) => {
    const { limit, offset } = pageParams(query);
    const status = query.get('status');
    const collectionId = query.get('collection_id');
    const type = query.get('type');
    if (status && !STATUSES.includes(status)) throw badRequest(`query status must be one of ${STATUSES.join(', ')}, got "${status}"`);
    const all = [...app.store.jobs.values()].filter(
      (j) => (!status || j.status === status) && (!collectionId || j.collectionId === collectionId) && (!type || j.type === type),
    );
    return jsonReply(
      200,
      wire.page(all, limit, offset, (j) => wire.job(app.wire, j)),
    );
  });

  // `?wait=true` holds the request until the job ends or `timeout` seconds (default 30, max 60) pass.
  r.add('GET', '/v1/jobs/:id', async ({ app, params, query }) => {
    const id = params.id!;
    if (!app.store.jobs.has(id)) throw notFound('job', id);
    if (query.get('wait') === 'true') {
      const raw = query.get('timeout');
      const seconds = raw === null ? 30 : Number(raw);
      if (!Number.isFinite(seconds) || seconds < 0 || seconds > 60) throw badRequest(`query timeout must be 0 to 60 seconds, got "${raw}"`);
      if (!isTerminal(app.store.jobs.get(id)!.status)) await app.jobs.wait(id, Math.min(seconds * 1000, app.opts.longPollMaxMs));
    }
    return jsonReply(200, wire.ok(wire.job(app.wire, app.store.jobs.get(id)!)));
  });
}
