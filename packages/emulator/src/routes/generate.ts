import { commitGeneration } from '../generation/generate.js';
import { planGeneration } from '../generation/plan.js';
import { badRequest } from '../http/errors.js';
import { jsonReply } from '../http/reply.js';
import { getCollection } from '../model/lookups.js';
import * as wire from '../wire/index.js';
import type { ApiRouter } from './handler.js';

const MAX_BATCH = 10;

export function generateRoutes(r: ApiRouter): void {
  r.add('POST', '/v1/collections/:id/generate', ({ app, params, body, method, path }) => {
    const collection = getCollection(app.store, params.id!);
    const plan = planGeneration(app, collection, body);
    app.credits.assertCanSpend(plan.cost);
    const job = commitGeneration(app, plan, { method, path });
    return jsonReply(202, wire.ok(wire.generateResult(app.wire, job)));
  });

  // All-or-nothing: every request is validated and the whole cost checked before anything is created.
  r.add('POST', '/v1/collections/:id/generate-batch', ({ app, params, body, method, path }) => {
    const collection = getCollection(app.store, params.id!);
    const requests = body.requests;
    if (!Array.isArray(requests) || requests.length < 1 || requests.length > MAX_BATCH) {
      throw badRequest(`requests must be an array of 1 to ${MAX_BATCH} generate bodies`);
    }
    const plans = requests.map((req, i) => {
      if (!req || typeof req !== 'object' || Array.isArray(req)) throw badRequest(`requests[${i}] must be an object`);
      return planGeneration(app, collection, req as Record<string, unknown>, `requests[${i}].`);
    });
    const total = plans.reduce((sum, p) => sum + p.cost, 0);
    app.credits.assertCanSpend(total);
    const jobs = plans.map((p) => commitGeneration(app, p, { method, path }));
    return jsonReply(202, wire.ok({ jobs: jobs.map((j) => wire.generateResult(app.wire, j)), total_cost: total }));
  });
}
