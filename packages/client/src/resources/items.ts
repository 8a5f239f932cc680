import type { AssetType } from 'masko-wire';
import type { HttpCore } from '../http.js';
import { pathId } from '../ids.js';
import { listOf } from '../paginate.js';
import { type Asset, AssetSchema, type Item, ItemSchema } from '../schemas/resources.js';

export function itemsResource(http: HttpCore) {
  return {
    /** Items (poses) of a collection, optionally filtered by exact name or type. */
    list(collectionId: string, filter: { name?: string; type?: Item['type'] } = {}): AsyncIterable<Item> {
      return listOf(http, `/collections/${pathId(collectionId, 'collection id')}/items`, ItemSchema, { name: filter.name, type: filter.type });
    },
    async get(itemId: string, signal?: AbortSignal): Promise<Item> {
      return (await http.call({ method: 'GET', path: `/items/${pathId(itemId, 'item id')}`, ...(signal && { signal }) }, ItemSchema)).data;
    },
  };
}

export function assetsResource(http: HttpCore) {
  return {
    /** Assets (files) of a collection, optionally of one item or one type. */
    list(collectionId: string, filter: { itemId?: string; type?: AssetType } = {}): AsyncIterable<Asset> {
      return listOf(http, `/collections/${pathId(collectionId, 'collection id')}/assets`, AssetSchema, { item_id: filter.itemId, type: filter.type });
    },
    async get(assetId: string, signal?: AbortSignal): Promise<Asset> {
      return (await http.call({ method: 'GET', path: `/assets/${pathId(assetId, 'asset id')}`, ...(signal && { signal }) }, AssetSchema)).data;
    },
  };
}
