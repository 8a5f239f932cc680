/**
 * MIME types with codecs. A manifest may carry other codec strings; these are what
 * `convertCanvasExport()` writes and what the plugin writes for Masko's files. A module of its own:
 * the player's bundle (through masko-manifest) takes these strings and nothing else of the table
 * (`FORMATS` reads them with property accesses, which a bundler cannot prove free of side effects).
 */
export const MIME = {
  /** VP9 with alpha, profile 0, level 1.0, 8-bit (Masko's `webm` assets). */
  webm: 'video/webm; codecs="vp09.00.10.08"',
  /** HEVC with alpha in QuickTime (Masko's `hevc` assets, `.mov`). */
  hevc: 'video/quicktime; codecs="hvc1.1.6.L93.B0"',
  /** HEVC with alpha in an MP4 container (`.mp4` hevc URLs seen in Masko's doc examples). */
  hevcMp4: 'video/mp4; codecs="hvc1.1.6.L93.B0"',
  /** H.264 High profile, colour on top and alpha below (Masko's `stacked_video`). */
  stacked: 'video/mp4; codecs="avc1.640028"',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
} as const;

export type MimeKey = keyof typeof MIME;
