export interface StaticServerOptions {
  /** URL path `dir` is served under. @default '/' */
  prefix?: string;
  /** Extra paths answered with these HTML strings. */
  pages?: Record<string, string>;
  /** `Cache-Control: public, max-age=3600` (true) or `no-store` (false); left out, none. */
  cache?: boolean;
}
export interface StaticServer {
  origin: string;
  sent(): Map<string, number>;
  resetCounts(): void;
  close(): Promise<void>;
}
export function startStaticServer(dir: string, options?: StaticServerOptions): Promise<StaticServer>;
export function serveDir(dir: string, options?: StaticServerOptions): Promise<StaticServer & { url: string }>;
export function serve(dir: string, prefix?: string): Promise<{ url: string; close(): Promise<void> }>;
