/**
 * All-or-nothing over concurrent work that writes or removes files: nothing is thrown until every task
 * has settled, so no task is still writing into the cache when the caller hears about a failure.
 */

/**
 * Every task's value; on failure, once all have settled, the failure `pick` chooses among them (in task
 * order; default: the first).
 */
export async function settleEvery<T>(tasks: readonly Promise<T>[], pick: (failures: unknown[]) => unknown = (failures) => failures[0]): Promise<T[]> {
  const settled = await Promise.allSettled(tasks);
  const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason as unknown);
  if (failures.length) throw pick(failures);
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/**
 * Like `settleEvery`, and the first failure aborts the rest (its error becomes the abort reason, and is
 * the one thrown): the first download that fails for good stops the others.
 */
export function settleAll<T>(abort: AbortController, tasks: readonly Promise<T>[]): Promise<T[]> {
  const aborting = tasks.map((task) =>
    task.catch((error: unknown) => {
      if (!abort.signal.aborted) abort.abort(error);
      throw error;
    }),
  );
  return settleEvery(aborting, () => abort.signal.reason);
}
