/** A small route table: `/v1/collections/:id/items` style patterns, matched per segment. */
export type Params = Record<string, string>;

export interface Route<H> {
  method: string;
  segments: string[];
  handler: H;
}

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** The handler and params, `'method'` when only the method is wrong, or undefined. */
  match(method: string, path: string): { handler: H; params: Params } | 'method' | undefined {
    const parts = path.split('/').filter(Boolean);
    let wrongMethod = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { handler: route.handler, params };
      wrongMethod = true;
    }
    return wrongMethod ? 'method' : undefined;
  }
}

function matchSegments(pattern: string[], parts: string[]): Params | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < pattern.length; i++) {
    const seg = pattern[i]!;
    const part = parts[i]!;
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(part);
    else if (seg !== part) return undefined;
  }
  return params;
}
