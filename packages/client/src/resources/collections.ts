import type { CollectionCreateBody, CollectionUpdateBody } from 'masko-wire';
import type { HttpCore } from '../http.js';
import { pathId } from '../ids.js';
import { listOf } from '../paginate.js';
import { type Collection, CollectionSchema } from '../schemas/resources.js';

export function collectionsResource(http: HttpCore) {
  return {
    /** Every collection (mascot), optionally of one project. */
    list(filter: { projectId?: string } = {}): AsyncIterable<Collection> {
      return listOf(http, '/collections', CollectionSchema, { project_id: filter.projectId });
    },
    async get(id: string, signal?: AbortSignal): Promise<Collection> {
      return (await http.call({ method: 'GET', path: `/collections/${pathId(id, 'collection id')}`, ...(signal && { signal }) }, CollectionSchema)).data;
    },
    async create(body: CollectionCreateBody): Promise<Collection> {
      return (await http.call({ method: 'POST', path: '/collections', body }, CollectionSchema)).data;
    },
    async update(id: string, body: CollectionUpdateBody): Promise<Collection> {
      return (await http.call({ method: 'PATCH', path: `/collections/${pathId(id, 'collection id')}`, body }, CollectionSchema)).data;
    },
    /** Adds a style reference (max 6): an uploaded asset or an image URL. */
    async addReference(id: string, ref: { assetId: string } | { url: string }): Promise<Collection> {
      const body = 'assetId' in ref ? { asset_id: ref.assetId } : { url: ref.url };
      return (await http.call({ method: 'POST', path: `/collections/${pathId(id, 'collection id')}/references`, body }, CollectionSchema)).data;
    },
    /** Removes a style reference (the server clears the cached style card). */
    async removeReference(id: string, assetId: string): Promise<Collection> {
      const path = `/collections/${pathId(id, 'collection id')}/references/${pathId(assetId, 'asset id')}`;
      return (await http.call({ method: 'DELETE', path }, CollectionSchema)).data;
    },
  };
}
