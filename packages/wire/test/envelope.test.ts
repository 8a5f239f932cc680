import { describe, expect, it } from 'vitest';
import { errorCodeForStatus, readErrorBody, unwrapEnvelope, unwrapList } from '../src/index.js';

describe('the envelopes', () => {
  it('unwraps {data, meta} and takes a bare body as its own data', () => {
    expect(unwrapEnvelope({ data: [1], meta: { pagination: { total: 1 } } })).toEqual({ data: [1], meta: { pagination: { total: 1 } } });
    expect(unwrapEnvelope({ id: 'p1' })).toEqual({ data: { id: 'p1' }, meta: undefined });
    expect(unwrapEnvelope([1, 2])).toEqual({ data: [1, 2], meta: undefined });
  });
  it('finds an OLD list under its resource key, and leaves an object with two arrays alone', () => {
    expect(unwrapList({ projects: [{ id: 'p1' }] })).toEqual([{ id: 'p1' }]);
    expect(unwrapList({ a: [], b: [] })).toEqual({ a: [], b: [] });
  });
});

describe('readErrorBody', () => {
  it('reads the NEW envelope, with the 402 credits', () => {
    const text = JSON.stringify({ error: { code: 'insufficient_credits', message: 'Not enough', required: 6, balance: 2 } });
    expect(readErrorBody(text)).toEqual({ code: 'insufficient_credits', message: 'Not enough', required: 6, balance: 2 });
  });
  it('reads the OLD flat body, `available` as the balance', () => {
    expect(readErrorBody(JSON.stringify({ error: 'Insufficient credits', required: 6, available: 2 }))).toEqual({
      message: 'Insufficient credits',
      required: 6,
      balance: 2,
    });
  });
  it('says undefined for what is not a Masko error', () => {
    expect(readErrorBody('<html>Bad gateway</html>')).toBeUndefined();
    expect(readErrorBody(JSON.stringify({ message: 'no error field' }))).toBeUndefined();
    expect(readErrorBody('null')).toBeUndefined();
  });
  it('names a status the body leaves unnamed', () => {
    expect(errorCodeForStatus(402)).toBe('insufficient_credits');
    expect(errorCodeForStatus(503)).toBe('internal_error');
    expect(errorCodeForStatus(418)).toBe('http_418');
  });
});
