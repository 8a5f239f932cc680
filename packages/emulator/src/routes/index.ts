import { Router } from '../http/router.js';
import { canvasRoutes } from './canvases.js';
import { collectionRoutes } from './collections.js';
import { creditRoutes } from './credits.js';
import { generateRoutes } from './generate.js';
import type { ApiRouter, Handler } from './handler.js';
import { itemRoutes } from './items.js';
import { jobRoutes } from './jobs.js';
import { projectRoutes } from './projects.js';
import { uploadRoutes } from './uploads.js';
import { webhookRoutes } from './webhooks.js';

/** Every emulated endpoint (see API.md). */
export function createRouter(): ApiRouter {
  const r = new Router<Handler>();
  creditRoutes(r);
  projectRoutes(r);
  collectionRoutes(r);
  itemRoutes(r);
  uploadRoutes(r);
  generateRoutes(r);
  jobRoutes(r);
  webhookRoutes(r);
  canvasRoutes(r);
  return r;
}
