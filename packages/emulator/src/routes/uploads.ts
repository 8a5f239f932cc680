import { FORMATS } from 'masko-wire';
import type { App } from '../context.js';
import { badRequest } from '../http/errors.js';
import { reqString } from '../http/fields.js';
import { jsonReply } from '../http/reply.js';
import { newId, nowIso } from '../model/ids.js';
import type { AssetRec } from '../model/records.js';
import * as wire from '../wire/index.js';
import type { ApiRouter } from './handler.js';

/** An asset for an image given by URL; the emulator does not fetch it (no network). */
export function uploadFromUrl(app: App, url: string, field: string): AssetRec {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest(`${field} must be an absolute http(s) URL, got "${url}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw badRequest(`${field} must be an http(s) URL`);
  const asset: AssetRec = {
    id: newId(),
    itemId: null,
    collectionId: null,
    type: 'image',
    status: 'completed',
    path: null,
    externalUrl: url,
    size: null,
    parentAssetId: null,
    width: null,
    height: null,
    bytes: null,
    mime: FORMATS.png.contentType,
    file: null,
    jobId: null,
    createdAt: nowIso(),
  };
  app.store.addAsset(asset);
  return asset;
}

export function uploadRoutes(r: ApiRouter): void {
  r.add('POST', '/v1/upload', ({ app, body }) => {
    const asset = uploadFromUrl(app, reqString(body, 'url'), 'url');
    app.persist();
    return jsonReply(201, wire.ok({ asset_id: asset.id }));
  });
}
