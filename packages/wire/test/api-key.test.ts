import { describe, expect, it } from 'vitest';
import { API_ID_PATTERN, API_KEY_PATTERN, isApiKey, redactSecrets, rememberSecret } from '../src/index.js';

const lower = `masko_${'ab12'.repeat(16)}`;
const upper = lower.toUpperCase().replace('MASKO_', 'masko_');

describe('the API key', () => {
  it('is masko_ and 64 hex digits, either case', () => {
    expect(isApiKey(lower)).toBe(true);
    expect(isApiKey(upper)).toBe(true);
    expect(isApiKey(`${lower}0`)).toBe(false);
    expect(isApiKey(lower.slice(0, -1))).toBe(false);
    expect(isApiKey(`masko_${'g'.repeat(64)}`)).toBe(false);
    expect(API_KEY_PATTERN.test(` ${lower}`)).toBe(false);
  });

  it('is redacted in either case, malformed, as a bearer token, and when remembered whatever its shape', () => {
    expect(redactSecrets(`key ${lower} and ${upper}.`)).toBe('key masko_*** and masko_***.');
    expect(redactSecrets('short masko_12345678 kept out')).toBe('short masko_*** kept out');
    expect(redactSecrets('Authorization: Bearer sk-live-0123456789')).toBe('Authorization: Bearer ***');
    rememberSecret('hunter2-not-a-key');
    expect(redactSecrets('config said hunter2-not-a-key')).toBe('config said masko_***');
    expect(redactSecrets('masko_ alone, and masko-emulator')).toBe('masko_ alone, and masko-emulator');
  });
});

describe('API ids', () => {
  it('accept uuids and prefixed ids, refuse anything that changes a path', () => {
    for (const ok of ['2c3df217-9570-4e58-9129-1a0d9311361a', 'col_xyz789', 'a']) expect(API_ID_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['', '.', '..', 'a/b', '%2e%2e', 'a b', 'a\n', 'x'.repeat(129)]) expect(API_ID_PATTERN.test(bad), bad).toBe(false);
  });
});
