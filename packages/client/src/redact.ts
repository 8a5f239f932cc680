// Every message and log line of the client passes through here, so the API key can never leak:
// the exact keys this process was given are masked, and so is anything shaped like a Masko key or a
// bearer token (a key that reached a message by another path, e.g. echoed back by a server).

const knownSecrets = new Set<string>();

const KEY_PATTERN = /masko_[0-9a-zA-Z]{8,}/g;
const BEARER_PATTERN = /(Bearer\s+)[^\s"',;]+/gi;

/** Remembers a secret so that every later `redact()` masks it. */
export function rememberSecret(secret: string): void {
  if (secret.length >= 8) knownSecrets.add(secret);
}

/** Masks every known secret, every key-shaped string and every bearer token in `text`. */
export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join('masko_***');
  return out.replace(KEY_PATTERN, 'masko_***').replace(BEARER_PATTERN, '$1***');
}

export interface MaskoLogger {
  debug?(message: string): void;
  warn?(message: string): void;
}

/** Wraps a logger so that everything it receives is redacted and `[masko]`-prefixed. */
export function safeLogger(logger: MaskoLogger | undefined): Required<MaskoLogger> {
  const emit = (fn: ((m: string) => void) | undefined) => (message: string) => {
    if (!fn) return;
    try {
      fn.call(logger, redact(message.startsWith('[masko]') ? message : `[masko] ${message}`));
    } catch {
      // A throwing user logger must not break a request.
    }
  };
  return { debug: emit(logger?.debug), warn: emit(logger?.warn) };
}
