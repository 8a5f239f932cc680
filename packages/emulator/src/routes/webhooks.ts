import { randomBytes } from 'node:crypto';
import { WEBHOOK_EVENTS, type WebhookEvent } from 'masko-wire';
import { badRequest, notFound } from '../http/errors.js';
import { optStringArray, pageParams, reqString } from '../http/fields.js';
import { emptyReply, jsonReply } from '../http/reply.js';
import { newId, nowIso } from '../model/ids.js';
import * as wire from '../wire/index.js';
import type { ApiRouter } from './handler.js';

export function webhookRoutes(r: ApiRouter): void {
  r.add('POST', '/v1/webhooks', ({ app, body }) => {
    const url = reqString(body, 'url');
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw badRequest(`url must be an absolute http(s) URL, got "${url}"`);
    const events = optStringArray(body, 'events') ?? [...WEBHOOK_EVENTS];
    const unknown = events.find((e) => !isWebhookEvent(e));
    if (unknown || events.length === 0)
      throw badRequest(`events must be a non-empty subset of ${WEBHOOK_EVENTS.join(', ')}${unknown ? `, got "${unknown}"` : ''}`);
    const hook = { id: newId(), url, events: events.filter(isWebhookEvent), secret: `whsec_${randomBytes(24).toString('hex')}`, createdAt: nowIso() };
    app.store.webhooks.set(hook.id, hook);
    app.persist();
    return jsonReply(201, wire.ok(wire.webhook(hook, true)));
  });
  r.add('GET', '/v1/webhooks', ({ app, query }) => {
    const { limit, offset } = pageParams(query);
    return jsonReply(
      200,
      wire.page([...app.store.webhooks.values()], limit, offset, (w) => wire.webhook(w, false)),
    );
  });
  r.add('DELETE', '/v1/webhooks/:id', ({ app, params }) => {
    if (!app.store.webhooks.delete(params.id!)) throw notFound('webhook', params.id!);
    app.persist();
    return emptyReply(204);
  });
}

const isWebhookEvent = (e: string): e is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(e);
