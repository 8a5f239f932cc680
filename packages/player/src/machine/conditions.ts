import type { Condition } from 'masko-manifest';
import type { InputValue } from './types.js';

/** Inputs compare as numbers: `true` is 1, `false` is 0 (Masko's rule). */
export const toNumber = (value: InputValue): number => (typeof value === 'boolean' ? Number(value) : value);

/** Whether one condition holds. An input that has no value (unknown) makes it false. */
export function conditionHolds(condition: Condition, read: (name: string) => InputValue | undefined): boolean {
  const raw = read(condition.input);
  if (raw === undefined) return false;
  const left = toNumber(raw);
  const right = toNumber(condition.value);
  switch (condition.op) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '>':
      return left > right;
    case '<':
      return left < right;
    case '>=':
      return left >= right;
    case '<=':
      return left <= right;
    default:
      return false;
  }
}

/**
 * Whether an edge may fire by evaluation: every condition holds. An edge with no conditions never
 * fires this way (only through `goTo()`), as in Masko's runtime.
 */
export function allHold(conditions: readonly Condition[], read: (name: string) => InputValue | undefined): boolean {
  return conditions.length > 0 && conditions.every((c) => conditionHolds(c, read));
}
