// Stands in for undici's HTTP/2 client in the CLI bundle (bundle-cli.mjs). undici connects with HTTP/2
// only when `allowH2` (or `useH2c`) is set, and masko-client sets neither, so ALPN offers http/1.1 alone:
// the real module would only load node:http2, node:http and node:tls (~12 ms of CPU) at every start.
module.exports = function connectH2() {
  throw new Error('the masko CLI bundle has no HTTP/2 client: masko-client leaves undici allowH2 off');
};
