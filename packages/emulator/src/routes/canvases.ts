import { applyTemplate, canvasStatus, exportCanvas } from '../canvases/canvas.js';
import { generateAll, generateNodeImages, type Targets } from '../canvases/generate.js';
import { findTemplate, TEMPLATES } from '../canvases/templates.js';
import type { App } from '../context.js';
import { badRequest, notFound } from '../http/errors.js';
import { optBool, optNumber, optString, pageParams, reqString } from '../http/fields.js';
import { jsonReply } from '../http/reply.js';
import { newId, nowIso } from '../model/ids.js';
import { getCollection } from '../model/lookups.js';
import type { CanvasRec } from '../model/records.js';
import * as wire from '../wire/index.js';
import type { ApiRouter } from './handler.js';

function getCanvas(app: App, collectionId: string, id: string): CanvasRec {
  getCollection(app.store, collectionId);
  const c = app.store.canvases.get(id);
  if (!c || c.collectionId !== collectionId) throw notFound('canvas', id);
  return c;
}

function template(id: string, field: string) {
  const t = findTemplate(id);
  if (!t) throw badRequest(`${field}: unknown template "${id}" (known: ${TEMPLATES.map((x) => x.id).join(', ')})`);
  return t;
}

const detail = (app: App, c: CanvasRec) => wire.canvas(c, { status: canvasStatus(app, c) });

export function canvasRoutes(r: ApiRouter): void {
  r.add('GET', '/v1/canvas-templates', ({ query }) => {
    const source = query.get('source');
    if (source && source !== 'builtin' && source !== 'mine') throw badRequest('query source must be "builtin" or "mine"');
    const list = source === 'mine' ? [] : TEMPLATES;
    return jsonReply(200, wire.page(list, 100, 0, wire.template));
  });

  r.add('POST', '/v1/collections/:id/canvases', ({ app, params, body, method, path }) => {
    const collection = getCollection(app.store, params.id!);
    const name = reqString(body, 'name');
    const templateId = optString(body, 'template_id');
    const t = templateId ? template(templateId, 'template_id') : undefined;
    if (t) app.credits.assertCanSpend(t.nodes.length);
    const at = nowIso();
    const canvas: CanvasRec = {
      id: newId(),
      collectionId: collection.id,
      name,
      templateId: null,
      nodes: [],
      edges: [],
      inputs: [],
      initialNodeId: null,
      createdAt: at,
      updatedAt: at,
    };
    if (t) applyTemplate(canvas, t);
    app.store.canvases.set(canvas.id, canvas);
    if (t) generateNodeImages(app, canvas, collection, { method, path });
    app.persist();
    return jsonReply(201, wire.ok(detail(app, canvas)));
  });

  r.add('GET', '/v1/collections/:id/canvases', ({ app, params, query }) => {
    getCollection(app.store, params.id!);
    const { limit, offset } = pageParams(query);
    const all = [...app.store.canvases.values()].filter((c) => c.collectionId === params.id);
    return jsonReply(
      200,
      wire.page(all, limit, offset, (c) => wire.canvas(c)),
    );
  });

  r.add('GET', '/v1/collections/:id/canvases/:cid', ({ app, params }) => jsonReply(200, wire.ok(detail(app, getCanvas(app, params.id!, params.cid!)))));

  r.add('GET', '/v1/collections/:id/canvases/:cid/status', ({ app, params }) =>
    jsonReply(200, wire.ok(wire.canvasStatus(canvasStatus(app, getCanvas(app, params.id!, params.cid!))))),
  );

  r.add('POST', '/v1/collections/:id/canvases/:cid/from-template', ({ app, params, body, method, path }) => {
    const canvas = getCanvas(app, params.id!, params.cid!);
    const collection = getCollection(app.store, params.id!);
    const t = template(reqString(body, 'template_id'), 'template_id');
    app.credits.assertCanSpend(t.nodes.length);
    applyTemplate(canvas, t);
    canvas.updatedAt = nowIso();
    const made = generateNodeImages(app, canvas, collection, { method, path });
    app.persist();
    return jsonReply(
      201,
      wire.ok(
        wire.fromTemplate(
          app.wire,
          detail(app, canvas),
          made.map(({ node, job }) => ({ key: node.key, nodeId: node.id, job })),
        ),
      ),
    );
  });

  r.add('POST', '/v1/collections/:id/canvases/:cid/generate-all', ({ app, params, body, method, path }) => {
    const canvas = getCanvas(app, params.id!, params.cid!);
    const targets = optString(body, 'targets') ?? 'all';
    if (!['all', 'images', 'animations'].includes(targets)) throw badRequest('targets must be "all", "images" or "animations"');
    const duration = optNumber(body, 'duration', 1, 30) ?? 4;
    if (!Number.isInteger(duration)) throw badRequest('duration must be whole seconds');
    const dryRun = optBool(body, 'dry_run') ?? false;
    const result = generateAll(
      app,
      canvas,
      getCollection(app.store, params.id!),
      {
        dryRun,
        targets: targets as Targets,
        skipCompleted: optBool(body, 'skip_completed') ?? true,
        duration,
      },
      { method, path },
    );
    return jsonReply(dryRun ? 200 : 202, wire.ok(wire.generateAll(app.wire, result)));
  });

  r.add('GET', '/v1/collections/:id/canvases/:cid/export', ({ app, params }) =>
    jsonReply(200, wire.ok(exportCanvas(app, getCanvas(app, params.id!, params.cid!)))),
  );
}
