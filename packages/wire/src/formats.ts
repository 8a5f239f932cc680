/**
 * The one table of file formats: for each, the Masko asset type it comes from, its file extension, the
 * `Content-Type` it is served with and the MIME type with codecs a manifest lists (what `<source type>`
 * and `canPlayType()` want). The emulator names and serves files by it, the plugin names, serves and
 * lists them by it; `MIME` (mime.ts) is the column masko-manifest re-exports.
 */
import type { AssetType } from './enums.js';
import { MIME } from './mime.js';

export interface FormatFacts {
  /** The API's asset type this format is downloaded as (webp/avif: none, made locally from the PNG). */
  assetType?: AssetType;
  /** With the dot. */
  ext: string;
  /** `Content-Type` of the file (no codecs). */
  contentType: string;
  /** MIME type with codecs, as a manifest lists it. */
  mime: string;
}

export const FORMATS = {
  webm: { assetType: 'webm', ext: '.webm', contentType: 'video/webm', mime: MIME.webm },
  hevc: { assetType: 'hevc', ext: '.mov', contentType: 'video/quicktime', mime: MIME.hevc },
  stacked: { assetType: 'stacked_video', ext: '.mp4', contentType: 'video/mp4', mime: MIME.stacked },
  png: { assetType: 'transparent_image', ext: '.png', contentType: 'image/png', mime: MIME.png },
  webp: { ext: '.webp', contentType: 'image/webp', mime: MIME.webp },
  avif: { ext: '.avif', contentType: 'image/avif', mime: MIME.avif },
} as const satisfies Record<string, FormatFacts>;

/** A format the plugin ships: the three alpha videos and the poster images. */
export type Format = keyof typeof FORMATS;
export type VideoFormat = 'webm' | 'hevc' | 'stacked';
/** A format downloaded from the API: the three videos and the transparent PNG posters are made from. */
export type SourceFormat = VideoFormat | 'png';

/** The source format of each asset type the plugin downloads (the opaque `image` and `video` it skips): the table's `assetType` column read backwards. */
export const SOURCE_FORMAT_OF = Object.fromEntries(
  Object.entries(FORMATS).flatMap(([format, facts]) => ('assetType' in facts ? [[facts.assetType, format]] : [])),
) as Partial<Record<AssetType, SourceFormat>>;

/** How every asset type's file is named and served (the API's own, `image` and `video`, included). */
export const ASSET_FILES: Record<AssetType, Pick<FormatFacts, 'ext' | 'contentType'>> = {
  image: FORMATS.png,
  transparent_image: FORMATS.png,
  video: { ext: '.mp4', contentType: 'video/mp4' },
  webm: FORMATS.webm,
  hevc: FORMATS.hevc,
  stacked_video: FORMATS.stacked,
};

/** `Content-Type` of a file by its name's extension; `undefined` for one no format has. */
export function contentTypeOf(fileName: string): string | undefined {
  const ext = fileName.slice(fileName.lastIndexOf('.'));
  return Object.values(FORMATS).find((f) => f.ext === ext)?.contentType;
}
