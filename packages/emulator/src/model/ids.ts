import { createHash, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

export function sha256Hex(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}

/** A UUID-shaped id derived from a name: the demo's ids are the same on every start. */
export function stableUuid(name: string): string {
  const h = sha256Hex(`masko-emulator:${name}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** URL-safe lower-case slug, at most 50 characters (like Masko's CDN names). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return slug || 'item';
}

export const nowIso = (): string => new Date().toISOString();
