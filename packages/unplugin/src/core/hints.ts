/**
 * The fix for failures that arrive without one (masko-client's errors, a bug): every message the CLI and
 * the plugin print ends with a `hint:` line. Chosen by the `code` of the error or of its causes.
 */
const BY_CODE: Record<string, string> = {
  unauthorized: 'Check MASKO_API_KEY (or the apiKey option): the API refused it.',
  forbidden: "The key has no access to this collection: check mascots.<key>.collection and the key's account.",
  not_found: 'Check mascots.<key>.collection (and canvas) and apiUrl: the API has no such object.',
  insufficient_credits: 'Top up credits, or lower what the plan generates.',
  rate_limited: 'The API is rate-limiting this key: try again in a minute, or lower `concurrency`.',
  internal_error: 'The API failed: try again later.',
  invalid_response: 'The API answered in a shape masko does not know: check apiUrl (a proxy or an HTML error page?).',
  unexpected_redirect: 'Check apiUrl: API calls do not follow redirects.',
  pagination_stuck: 'The API (or a proxy in front of it) ignores `offset`; nothing was written. Report it to Masko.',
  asset_not_ready: 'The asset is still being generated: run `masko sync` again once its job has finished.',
  job_failed: 'The generation failed (its credits are refunded): try again, or change the prompt.',
  ECONNREFUSED: 'Nothing answers at apiUrl (or the asset host): check MASKO_API_URL and the network.',
  ENOTFOUND: 'The host of apiUrl (or the asset host) does not resolve: check MASKO_API_URL and DNS.',
};

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/** `message` with a `hint:` line: its own when it has one, else by code, else how to see more. */
export function withHint(message: string, error: unknown): string {
  if (/\n {2}hint: /.test(message)) return message;
  const known = codesOf(error)
    .map((code) => BY_CODE[code])
    .find(Boolean);
  return `${message}\n  hint: ${known ?? 'Run again with --debug (or DEBUG=1) for the stack.'}`;
}
