/**
 * Cross-checks what the API says about an asset (width, height, bytes — assumed fields, API.md) with
 * the downloaded file. A mismatch fails naming the asset: the manifest would otherwise pick wrong sizes.
 */

import type { ApiAsset } from './api-types.js';
import { MaskoError } from './errors.js';
import type { Dims } from './probe/index.js';

export function checkAgainstApi(asset: ApiAsset, shown: string, file: Dims & { bytes: number }): void {
  const said: string[] = [];
  const found: string[] = [];
  if (asset.width !== null && asset.width !== undefined && asset.width !== file.width) {
    said.push(`width ${asset.width}`);
    found.push(`width ${file.width}`);
  }
  if (asset.height !== null && asset.height !== undefined && asset.height !== file.height) {
    said.push(`height ${asset.height}`);
    found.push(`height ${file.height}`);
  }
  if (asset.bytes !== null && asset.bytes !== undefined && asset.bytes !== file.bytes) {
    said.push(`${asset.bytes} bytes`);
    found.push(`${file.bytes} bytes`);
  }
  if (!said.length) return;
  throw new MaskoError(
    'asset_mismatch',
    `asset ${asset.id} (${asset.type}, ${shown}): the API says ${said.join(', ')}, the downloaded file has ${found.join(', ')}`,
    'The API and its files disagree; report the asset to Masko. Nothing was locked.',
  );
}
