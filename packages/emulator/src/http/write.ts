import type { ServerResponse } from 'node:http';
import { corruptBytes, type Fault } from './faults.js';
import type { Reply } from './reply.js';

/**
 * Sends a reply on the raw socket, applying a body fault: `corrupt` flips bytes, `reset` destroys
 * the socket after part of the body, `truncate` ends it early under a full Content-Length, `stall`
 * sends part and then nothing for `stallMs` (forever by default, until the server closes).
 */
export function writeReply(res: ServerResponse, reply: Reply, fault: Fault | undefined, head: boolean): void {
  const body = fault?.kind === 'corrupt' ? corruptBytes(reply.body, fault.seed) : reply.body;
  const bodyless = reply.status === 204 || reply.status === 304;
  res.writeHead(reply.status, bodyless ? reply.headers : { ...reply.headers, 'content-length': String(body.length) });
  const cutting = fault && (fault.kind === 'reset' || fault.kind === 'truncate' || fault.kind === 'stall');
  if (head || bodyless || !cutting) {
    res.end(head || bodyless ? undefined : body);
    return;
  }
  const socket = res.socket;
  if (!socket) return;
  const cut = Math.min(body.length, fault.afterBytes ?? Math.floor(body.length / 2));
  res.flushHeaders();
  const act = (): void => {
    if (fault.kind === 'reset') socket.resetAndDestroy();
    else if (fault.kind === 'truncate') socket.end();
    else if (fault.stallMs !== undefined) {
      const timer = setTimeout(() => res.end(body.subarray(cut)), fault.stallMs);
      socket.once('close', () => clearTimeout(timer));
    }
  };
  // Let the headers and the partial body reach the wire before acting on the socket.
  if (cut > 0) res.write(body.subarray(0, cut), () => setImmediate(act));
  else socket.write(Buffer.alloc(0), () => setImmediate(act));
}

/** `drop-response`: the request was handled; the client never hears about it. */
export function dropResponse(res: ServerResponse): void {
  res.socket?.resetAndDestroy();
}
