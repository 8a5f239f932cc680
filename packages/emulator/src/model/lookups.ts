import { notFound } from '../http/errors.js';
import type { AssetRec, CollectionRec, ItemRec } from './records.js';
import type { Store } from './store.js';

/** Records by id, or the API's 404 naming what was not found. */
export function getCollection(store: Store, id: string): CollectionRec {
  const c = store.collections.get(id);
  if (!c) throw notFound('collection', id);
  return c;
}

export function getItem(store: Store, id: string): ItemRec {
  const i = store.items.get(id);
  if (!i) throw notFound('item', id);
  return i;
}

export function getAsset(store: Store, id: string): AssetRec {
  const a = store.assets.get(id);
  if (!a) throw notFound('asset', id);
  return a;
}
