/**
 * All-or-nothing over concurrent work that writes files: the first failure aborts the rest (its error
 * becomes the abort reason), and nothing is thrown until every task has settled, so no download is
 * still writing into the cache when the caller hears about the failure.
 */

/** Every task's value; on failure, after all have settled, the first failure (the abort reason). */
export async function settleAll<T>(abort: AbortController, tasks: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(
    tasks.map((task) =>
      task.catch((error: unknown) => {
        if (!abort.signal.aborted) abort.abort(error);
        throw error;
      }),
    ),
  );
  if (settled.some((s) => s.status === 'rejected')) throw abort.signal.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
