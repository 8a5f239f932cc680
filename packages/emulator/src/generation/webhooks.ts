import { createHmac } from 'node:crypto';
import type { App } from '../context.js';
import type { JobRec } from '../model/records.js';
import * as wire from '../wire/index.js';

/** Lower-case hex HMAC-SHA256 of the raw body, keyed with the webhook secret (`X-Masko-Signature`). */
export function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** POSTs `job.completed` / `job.failed` to every subscribed webhook; one attempt, errors ignored. */
export function deliverJobEvent(app: App, job: JobRec): void {
  const event = job.status === 'completed' ? 'job.completed' : job.status === 'failed' ? 'job.failed' : undefined;
  if (!event) return;
  const body = JSON.stringify(wire.webhookPayload(app.wire, event, job));
  for (const hook of app.store.webhooks.values()) {
    if (!hook.events.includes(event)) continue;
    fetch(hook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'masko-emulator', 'x-masko-signature': sign(hook.secret, body) },
      body,
      signal: AbortSignal.timeout(5_000),
    }).then(
      (res) => res.body?.cancel(),
      (err: unknown) => process.stderr.write(`[masko-emulator] webhook ${hook.url} failed: ${(err as Error).message}\n`),
    );
  }
}
