import type { GenerateAllBody } from 'masko-wire';
import type { HttpCore } from '../http.js';
import { pathId } from '../ids.js';
import { listOf, toArray } from '../paginate.js';
import {
  type Canvas,
  CanvasExportSchema,
  CanvasSchema,
  type CanvasStatus,
  CanvasStatusSchema,
  type CanvasTemplate,
  CanvasTemplateSchema,
  type FromTemplateResult,
  FromTemplateResultSchema,
  type GenerateAllResult,
  GenerateAllResultSchema,
  type MaskoCanvasExport,
} from '../schemas/canvases.js';

const base = (collectionId: string) => `/collections/${pathId(collectionId, 'collection id')}/canvases`;
const one = (collectionId: string, canvasId: string) => `${base(collectionId)}/${pathId(canvasId, 'canvas id')}`;

export function canvasesResource(http: HttpCore) {
  return {
    /** Canvases of a collection (without their graph). */
    list(collectionId: string): AsyncIterable<Canvas> {
      return listOf(http, base(collectionId), CanvasSchema);
    },
    async create(collectionId: string, body: { name: string; template_id?: string }): Promise<Canvas> {
      return (await http.call({ method: 'POST', path: base(collectionId), body }, CanvasSchema)).data;
    },
    /** A canvas with its `graph` and `status`. */
    async get(collectionId: string, canvasId: string): Promise<Canvas> {
      return (await http.call({ method: 'GET', path: one(collectionId, canvasId) }, CanvasSchema)).data;
    },
    async status(collectionId: string, canvasId: string): Promise<CanvasStatus> {
      return (await http.call({ method: 'GET', path: `${one(collectionId, canvasId)}/status` }, CanvasStatusSchema)).data;
    },
    /** Applies a template: creates items, starts node image generation (spends credits; not retried). */
    async fromTemplate(collectionId: string, canvasId: string, body: { template_id: string }): Promise<FromTemplateResult> {
      const path = `${one(collectionId, canvasId)}/from-template`;
      return (await http.call({ method: 'POST', path, body }, FromTemplateResultSchema)).data;
    },
    /**
     * Queues every missing node image / edge clip. Spends credits unless `dry_run`, so it is not retried
     * blindly; re-running it is safe only with `skip_completed` (the default), which skips queued work.
     */
    async generateAll(collectionId: string, canvasId: string, body: GenerateAllBody = {}): Promise<GenerateAllResult> {
      const path = `${one(collectionId, canvasId)}/generate-all`;
      return (await http.call({ method: 'POST', path, body, retry: body.dry_run === true }, GenerateAllResultSchema)).data;
    },
    /** The canvas as a MaskoAnimationConfig v2.0, the input of `<masko-mascot>` and the manifest converter. */
    async export(collectionId: string, canvasId: string): Promise<MaskoCanvasExport> {
      return (await http.call({ method: 'GET', path: `${one(collectionId, canvasId)}/export` }, CanvasExportSchema)).data;
    },
  };
}

/** Built-in and saved canvas templates. */
export async function canvasTemplates(http: HttpCore, filter: { source?: 'builtin' | 'mine' } = {}): Promise<CanvasTemplate[]> {
  return toArray(listOf(http, '/canvas-templates', CanvasTemplateSchema, { source: filter.source }));
}
