import { describe, expect, it } from 'vitest';
import { ASSET_FILES, ASSET_TYPES, contentTypeOf, FORMATS, MaskoError, SOURCE_FORMAT_OF } from '../src/index.js';

describe('the format table', () => {
  it('gives every source format the asset type it is downloaded as', () => {
    for (const [type, format] of Object.entries(SOURCE_FORMAT_OF)) expect(FORMATS[format].assetType).toBe(type);
  });
  it('names and serves every asset type', () => {
    for (const type of ASSET_TYPES) expect(ASSET_FILES[type].ext).toMatch(/^\.\w+$/);
    expect(ASSET_FILES.hevc).toMatchObject({ ext: '.mov', contentType: 'video/quicktime' });
  });
  it('finds a content type by file name', () => {
    expect(contentTypeOf('assets/felix-idle-webm-480.1a2b3c4d.webm')).toBe('video/webm');
    expect(contentTypeOf('a.b/c.mov')).toBe('video/quicktime');
    expect(contentTypeOf('notes.txt')).toBeUndefined();
  });
});

describe('MaskoError', () => {
  it('prefixes once, appends the hint, keeps the code and redacts', () => {
    const key = `masko_${'ab'.repeat(32)}`;
    const error = new MaskoError('invalid_options', `[masko] apiKey ${key} refused`, 'Check MASKO_API_KEY.');
    expect(error.message).toBe('[masko] apiKey masko_*** refused\n  hint: Check MASKO_API_KEY.');
    expect(error).toMatchObject({ name: 'MaskoError', code: 'invalid_options', hint: 'Check MASKO_API_KEY.' });
  });
});
