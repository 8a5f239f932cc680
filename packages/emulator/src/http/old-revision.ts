/**
 * The older revision of the Masko API (reference §1, §2.2, §2.6): bare bodies instead of `{data, meta}`,
 * lists under a resource key (`{"projects": […]}`) without pagination meta, the flat 402
 * `{"error": "Insufficient credits", "required", "available"}` (other errors flat too: `{"error": "…"}`),
 * and jobs in the old shape (`output_data.item_id`, old job types, no `cost_credits`/`item_name`).
 * Applied to a finished new-revision reply, so the routes know one revision only.
 */
import type { Reply } from './reply.js';

type Json = Record<string, unknown>;

const OLD_JOB_TYPES: Record<string, string> = {
  image_generation: 'image',
  item_generation: 'animation',
  animation: 'animation',
  reverse: 'animation',
};

/** `/v1/collections/:id/items` → `items`; `/v1/canvas-templates` → `templates`. */
function listKey(path: string): string {
  const last = path.split('/').filter(Boolean).at(-1) ?? 'data';
  return last === 'canvas-templates' ? 'templates' : last;
}

function oldJob(job: Json): Json {
  const { item_id, item_name: _name, cost_credits: _cost, updated_at: _updated, type, ...rest } = job;
  return { ...rest, type: OLD_JOB_TYPES[String(type)] ?? type, output_data: { item_id } };
}

function oldError(status: number, error: Json): Json {
  if (status === 402) return { error: 'Insufficient credits', required: error.required, available: error.balance };
  return { error: error.message };
}

export function toOldRevision(reply: Reply, path: string): Reply {
  if (!String(reply.headers['content-type'] ?? '').includes('json') || reply.body.length === 0) return reply;
  const body = JSON.parse(reply.body.toString('utf8')) as Json;
  let old: unknown = body;
  if (body.error && typeof body.error === 'object') old = oldError(reply.status, body.error as Json);
  else if ('data' in body) {
    const shape = path.startsWith('/v1/jobs') ? (j: unknown) => oldJob(j as Json) : (x: unknown) => x;
    old = Array.isArray(body.data) ? { [listKey(path)]: body.data.map(shape) } : shape(body.data);
  }
  return { ...reply, body: Buffer.from(JSON.stringify(old)) };
}
