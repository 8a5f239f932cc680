import { pageParams, reqString } from '../fields.js';
import { newId, nowIso } from '../ids.js';
import { jsonReply } from '../reply.js';
import * as wire from '../wire.js';
import type { ApiRouter } from './types.js';

export function projectRoutes(r: ApiRouter): void {
  r.add('POST', '/v1/projects', ({ app, body }) => {
    const at = nowIso();
    const p = { id: newId(), name: reqString(body, 'name'), organizationId: null, createdAt: at, updatedAt: at };
    app.store.projects.set(p.id, p);
    app.persist();
    return jsonReply(201, wire.ok(wire.project(p)));
  });
  r.add('GET', '/v1/projects', ({ app, query }) => {
    const { limit, offset } = pageParams(query);
    return jsonReply(200, wire.page([...app.store.projects.values()], limit, offset, wire.project));
  });
}
