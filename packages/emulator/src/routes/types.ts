import type { App, RouteContext } from '../context.js';
import { notFound } from '../errors.js';
import type { Reply } from '../reply.js';
import type { Router } from '../router.js';
import type { AssetRec, CollectionRec, ItemRec } from '../types.js';

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;
export type ApiRouter = Router<Handler>;

export function getCollection(app: App, id: string): CollectionRec {
  const c = app.store.collections.get(id);
  if (!c) throw notFound('collection', id);
  return c;
}

export function getItem(app: App, id: string): ItemRec {
  const i = app.store.items.get(id);
  if (!i) throw notFound('item', id);
  return i;
}

export function getAsset(app: App, id: string): AssetRec {
  const a = app.store.assets.get(id);
  if (!a) throw notFound('asset', id);
  return a;
}
