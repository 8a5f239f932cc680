import type { HttpCore } from '../http.js';
import { pathId } from '../ids.js';
import { type Credits, CreditsSchema, SuggestActionsSchema, type UploadResult, UploadResultSchema } from '../schemas/resources.js';

export function accountResource(http: HttpCore) {
  return {
    /** The workspace's credit balance (also a cheap key check). */
    async credits(signal?: AbortSignal): Promise<Credits> {
      return (await http.call({ method: 'GET', path: '/credits', ...(signal && { signal }) }, CreditsSchema)).data;
    },
    /** Imports an image by URL; the asset id serves as a reference or a source image. Free. */
    async upload(body: { url: string }): Promise<UploadResult> {
      return (await http.call({ method: 'POST', path: '/upload', body }, UploadResultSchema)).data;
    },
    /** 6–8 suggested pose names for a collection. Free, so safely retried. */
    async suggestActions(collectionId: string): Promise<string[]> {
      const path = `/collections/${pathId(collectionId, 'collection id')}/suggest-actions`;
      return (await http.call({ method: 'POST', path, retry: true }, SuggestActionsSchema)).data.actions;
    },
  };
}
