import { pageParams, reqString } from '../http/fields.js';
import { jsonReply } from '../http/reply.js';
import { newId, nowIso } from '../model/ids.js';
import * as wire from '../wire/index.js';
import type { ApiRouter } from './handler.js';

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
