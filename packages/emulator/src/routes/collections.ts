import { randomBytes } from 'node:crypto';
import { badRequest, notFound } from '../http/errors.js';
import { optIntArray, optString, optStringArray, pageParams, reqString } from '../http/fields.js';
import { jsonReply } from '../http/reply.js';
import { checkSizes } from '../media/asset-files.js';
import { DEMO } from '../model/demo.js';
import { newId, nowIso, slugify } from '../model/ids.js';
import { getCollection } from '../model/lookups.js';
import type { CollectionRec } from '../model/records.js';
import * as wire from '../wire/index.js';
import type { ApiRouter } from './handler.js';
import { uploadFromUrl } from './uploads.js';

const MAX_REFERENCES = 6;

export function collectionRoutes(r: ApiRouter): void {
  r.add('POST', '/v1/collections', ({ app, body }) => {
    const projectId = reqString(body, 'project_id');
    if (!app.store.projects.has(projectId)) throw notFound('project', projectId);
    const refIds = optStringArray(body, 'reference_asset_ids') ?? [];
    const refUrls = optStringArray(body, 'reference_image_urls') ?? [];
    refIds.forEach((id, i) => {
      if (!app.store.assets.has(id)) throw badRequest(`reference_asset_ids[${i}]: asset ${id} not found`);
    });
    if (refIds.length + refUrls.length > MAX_REFERENCES) throw badRequest(`at most ${MAX_REFERENCES} references per collection`);
    let name = optString(body, 'name');
    if (!name) {
      if (refIds.length + refUrls.length === 0) throw badRequest('name is required (or give reference_asset_ids / reference_image_urls to detect it)');
      name = `Mascot ${randomBytes(2).toString('hex')}`;
    }
    const sizes = checkSizes(app.media, optIntArray(body, 'animation_sizes') ?? [], 'animation_sizes');
    refUrls.forEach((url, i) => refIds.push(uploadFromUrl(app, url, `reference_image_urls[${i}]`).id));
    const at = nowIso();
    const slug = `${slugify(name).slice(0, 40)}-${randomBytes(2).toString('hex')}`;
    const c: CollectionRec = {
      id: newId(),
      projectId,
      name,
      slug,
      publicSlug: `${slug}${randomBytes(2).toString('hex')}`,
      userPrefix: DEMO.userPrefix,
      isPublished: false,
      prompt: optString(body, 'description') ?? null,
      referenceAssetIds: refIds,
      styleCard: null,
      cautionList: [],
      animationSizes: sizes,
      createdAt: at,
      updatedAt: at,
    };
    app.store.collections.set(c.id, c);
    app.persist();
    return jsonReply(201, wire.ok(wire.collection(app.wire, c)));
  });

  r.add('GET', '/v1/collections', ({ app, query }) => {
    const { limit, offset } = pageParams(query);
    const projectId = query.get('project_id');
    const all = [...app.store.collections.values()].filter((c) => !projectId || c.projectId === projectId);
    return jsonReply(
      200,
      wire.page(all, limit, offset, (c) => wire.collection(app.wire, c)),
    );
  });

  r.add('GET', '/v1/collections/:id', ({ app, params }) => jsonReply(200, wire.ok(wire.collection(app.wire, getCollection(app.store, params.id!)))));

  r.add('PATCH', '/v1/collections/:id', ({ app, params, body }) => {
    const c = getCollection(app.store, params.id!);
    const name = optString(body, 'name');
    const slug = optString(body, 'slug');
    const description = optString(body, 'description');
    const sizes = optIntArray(body, 'animation_sizes');
    if (slug !== undefined && !/^[a-z0-9][a-z0-9-]{0,59}$/.test(slug)) {
      throw badRequest('slug must be 1-60 characters of a-z, 0-9 and "-", starting with a letter or digit');
    }
    if (name !== undefined) {
      if (!name.trim()) throw badRequest('name must not be empty');
      c.name = name;
    }
    // Existing assets keep their URLs (stable); new assets use the new slug.
    if (slug !== undefined) c.slug = slug;
    if (description !== undefined) c.prompt = description;
    if (sizes !== undefined) c.animationSizes = checkSizes(app.media, sizes, 'animation_sizes');
    c.updatedAt = nowIso();
    app.persist();
    return jsonReply(200, wire.ok(wire.collection(app.wire, c)));
  });

  r.add('POST', '/v1/collections/:id/references', ({ app, params, body }) => {
    const c = getCollection(app.store, params.id!);
    const assetId = optString(body, 'asset_id');
    const url = optString(body, 'url');
    if (!assetId === !url) throw badRequest('give exactly one of asset_id or url');
    if (c.referenceAssetIds.length >= MAX_REFERENCES) throw badRequest(`collection already has ${MAX_REFERENCES} references (the maximum)`);
    let id = assetId;
    if (id && !app.store.assets.has(id)) throw badRequest(`asset_id: asset ${id} not found`);
    if (url) id = uploadFromUrl(app, url, 'url').id;
    if (!c.referenceAssetIds.includes(id!)) c.referenceAssetIds.push(id!);
    c.updatedAt = nowIso();
    app.persist();
    return jsonReply(200, wire.ok(wire.collection(app.wire, c)));
  });

  r.add('DELETE', '/v1/collections/:id/references/:assetId', ({ app, params }) => {
    const c = getCollection(app.store, params.id!);
    if (!c.referenceAssetIds.includes(params.assetId!)) throw notFound('reference', params.assetId!);
    c.referenceAssetIds = c.referenceAssetIds.filter((id) => id !== params.assetId);
    c.styleCard = null;
    c.updatedAt = nowIso();
    app.persist();
    return jsonReply(200, wire.ok(wire.collection(app.wire, c)));
  });

  r.add('POST', '/v1/collections/:id/suggest-actions', ({ app, params }) => {
    getCollection(app.store, params.id!);
    return jsonReply(200, wire.ok({ actions: ['Idle', 'Wave', 'Thumbs Up', 'Thinking', 'Jump', 'Sleep', 'Celebrate'] }));
  });
}
