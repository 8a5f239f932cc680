import { ASSET_TYPES, type AssetType } from 'masko-wire';
import { badRequest } from '../http/errors.js';
import { pageParams } from '../http/fields.js';
import { jsonReply } from '../http/reply.js';
import { getAsset, getCollection, getItem } from '../model/lookups.js';
import * as wire from '../wire/index.js';
import type { ApiRouter } from './handler.js';

export function itemRoutes(r: ApiRouter): void {
  r.add('GET', '/v1/collections/:id/items', ({ app, params, query }) => {
    const c = getCollection(app.store, params.id!);
    const { limit, offset } = pageParams(query);
    const name = query.get('name');
    const type = query.get('type');
    if (type && type !== 'image' && type !== 'animation') throw badRequest(`query type must be "image" or "animation", got "${type}"`);
    const all = [...app.store.items.values()].filter((i) => i.collectionId === c.id && (!name || i.name === name) && (!type || i.type === type));
    return jsonReply(
      200,
      wire.page(all, limit, offset, (i) => wire.item(app.wire, i)),
    );
  });

  r.add('GET', '/v1/items/:id', ({ app, params }) => jsonReply(200, wire.ok(wire.item(app.wire, getItem(app.store, params.id!)))));

  r.add('GET', '/v1/collections/:id/assets', ({ app, params, query }) => {
    const c = getCollection(app.store, params.id!);
    const { limit, offset } = pageParams(query);
    const itemId = query.get('item_id');
    const type = query.get('type');
    if (type && !ASSET_TYPES.includes(type as AssetType)) throw badRequest(`query type must be one of ${ASSET_TYPES.join(', ')}, got "${type}"`);
    const all = [...app.store.assets.values()].filter((a) => a.collectionId === c.id && (!itemId || a.itemId === itemId) && (!type || a.type === type));
    return jsonReply(
      200,
      wire.page(all, limit, offset, (a) => wire.asset(app.wire, a)),
    );
  });

  r.add('GET', '/v1/assets/:id', ({ app, params }) => jsonReply(200, wire.ok(wire.asset(app.wire, getAsset(app.store, params.id!)))));
}
