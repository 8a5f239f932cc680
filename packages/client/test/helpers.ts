// Shared test helpers: a recognisable fake key and a logger that records every line.
export const FAKE_KEY = `masko_${'c0ffee42'.repeat(8)}`;
/** A distinctive slice of the key: if it shows up anywhere, the key leaked. */
export const KEY_FRAGMENT = 'c0ffee42c0ffee42';

export function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    logger: { debug: (m: string) => lines.push(`debug ${m}`), warn: (m: string) => lines.push(`warn ${m}`) },
  };
}

/** Runs `fn`, expecting it to reject; returns the error — after checking the key is nowhere in it. */
export async function rejection(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (err) {
    let fields = '';
    try {
      fields = JSON.stringify(err, Object.getOwnPropertyNames(err ?? {}));
    } catch {
      // cyclic: the messages are checked anyway
    }
    const text = `${allMessages(err)}\n${fields}`;
    if (text.includes(KEY_FRAGMENT)) throw new Error(`the API key leaked into an error: ${String(err)}`);
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection, got a result');
}

/** Every message of an error and its causes, for leak checks. */
export function allMessages(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, d = 0; e && d < 6; d++) {
    parts.push(String((e as Error).message), String((e as Error).stack));
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}
