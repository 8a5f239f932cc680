import type { RouteContext } from '../context.js';
import type { Reply } from '../http/reply.js';
import type { Router } from '../http/router.js';

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;
export type ApiRouter = Router<Handler>;
