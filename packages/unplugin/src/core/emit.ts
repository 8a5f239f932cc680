/**
 * Emitted file names and their public URLs per host. We hash ourselves (unplugin does not on webpack or
 * esbuild), so every host gets the same `assets/<key>-<pose>-<format>-<width>.<hash8>.<ext>`.
 */
import { createHash } from 'node:crypto';
import { FORMATS, type Format } from 'masko-wire';

/** Each format's file extension, read from masko-wire's format table. */
export const EXT = Object.fromEntries(Object.entries(FORMATS).map(([format, { ext }]) => [format, ext])) as {
  readonly [F in Format]: (typeof FORMATS)[F]['ext'];
};

/** Longest slug kept from a name: file names stay far below the 255 bytes file systems allow. */
export const MAX_SLUG = 40;

/**
 * A name (from the API: any length, any characters) as a file-name part: lower-case ASCII words. When
 * that loses anything but case and punctuation runs (cut at MAX_SLUG, or nothing left, e.g. "🦊"), a
 * hash of the whole name keeps two such names apart.
 */
export function slug(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (words && words.length <= MAX_SLUG) return words;
  const tag = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return `${words.slice(0, MAX_SLUG).replace(/-$/, '') || 'pose'}-${tag}`;
}

export function assetFileName(key: string, label: string, format: keyof typeof EXT, width: number, sha256: string): string {
  return `assets/${slug(key)}-${slug(label)}-${format}-${width}.${sha256.slice(0, 8)}${EXT[format]}`;
}

/** How the generated module spells a file's URL: a JS expression. */
export type UrlExpression = (fileName: string) => string;

/** A fixed prefix (Vite `base`, esbuild `publicPath`, the dev middleware). */
export const prefixedUrl = (prefix: string): UrlExpression => {
  const base = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  return (fileName) => JSON.stringify(base + fileName);
};

/** webpack/Rspack: resolved at runtime against `output.publicPath` (a free variable, not an import). */
export const webpackUrl: UrlExpression = (fileName) => `__webpack_public_path__ + ${JSON.stringify(fileName)}`;

/** Rollup without a base: relative to the chunk (chunks sit at the output root by default). */
export const relativeUrl: UrlExpression = (fileName) => `new URL(${JSON.stringify(`./${fileName}`)}, import.meta.url).href`;
