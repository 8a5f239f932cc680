// What masko-client uses of undici (Agent, EnvHttpProxyAgent, request with a dispatcher), without
// undici's index: that loads fetch, WebSocket, EventSource, caches, cookies and mocks too, ~1 MB that the
// CLI would compile and run on every start. Only the CLI bundle uses this (bundle-cli.mjs); the packages
// import undici itself. `request` is undici's own `makeDispatcher(api.request)`, for the calls the client
// makes (a URL and options that name their dispatcher). A path undici moves fails the bundle build, and
// test/e2e/cli.test.ts runs the bundle (through a proxy too).
const Dispatcher = require('undici/lib/dispatcher/dispatcher');
const Agent = require('undici/lib/dispatcher/agent');
const EnvHttpProxyAgent = require('undici/lib/dispatcher/env-http-proxy-agent');
const api = require('undici/lib/api');
const util = require('undici/lib/core/util');
const { InvalidArgumentError } = require('undici/lib/core/errors');

// As undici's index does: every dispatcher gets request/stream/pipeline/connect/upgrade (ProxyAgent
// tunnels through its proxy with `connect`).
Object.assign(Dispatcher.prototype, api);

function request(url, opts) {
  if (!opts?.dispatcher) throw new InvalidArgumentError('the masko CLI passes a dispatcher to every request');
  const parsed = util.parseURL(url);
  return api.request.call(opts.dispatcher, {
    ...opts,
    origin: parsed.origin,
    path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname,
    method: opts.method || (opts.body ? 'PUT' : 'GET'),
  });
}

module.exports = { Agent, EnvHttpProxyAgent, request };
