import type { WebhookEvent } from 'masko-wire';
import * as v from 'valibot';
import type { HttpCore } from '../http.js';
import { pathId } from '../ids.js';
import { listOf, toArray } from '../paginate.js';
import { type Webhook, WebhookSchema } from '../schemas/resources.js';

export function webhooksResource(http: HttpCore) {
  return {
    /** Registers a webhook; the answer carries the signing `secret`, shown only this once. */
    async create(body: { url: string; events: WebhookEvent[] }): Promise<Webhook> {
      return (await http.call({ method: 'POST', path: '/webhooks', body }, WebhookSchema)).data;
    },
    async list(): Promise<Webhook[]> {
      return toArray(listOf(http, '/webhooks', WebhookSchema));
    },
    async delete(id: string): Promise<void> {
      await http.call({ method: 'DELETE', path: `/webhooks/${pathId(id, 'webhook id')}` }, v.unknown());
    },
  };
}
