import { describe, expect, it } from 'vitest';
import { checkManifest, MAX_ISSUES, ManifestError, type MascotManifest, validateManifest } from '../src/index.js';
import { sampleManifest } from './load-fixtures.js';

type Breaker = (m: any) => void;

describe('validateManifest', () => {
  it('returns a valid manifest unchanged', () => {
    const m = sampleManifest();
    expect(validateManifest(m)).toBe(m);
    expect(checkManifest(m)).toEqual([]);
  });

  it('throws the promised message for a non-string URL', () => {
    const m: any = sampleManifest();
    m.poses.Wave.media.webm = [{ url: 12, type: 'video/webm', width: 360, height: 360 }];
    expect(() => validateManifest(m)).toThrow('[masko] manifest.poses.Wave.media.webm[0].url: expected an http(s) or relative URL string, received number');
  });

  const cases: [string, Breaker, string, string, string][] = [
    ['version 2', (m) => (m.version = 2), 'manifest.version', '1', '2'],
    ['version "1" as a string', (m) => (m.version = '1'), 'manifest.version', '1', '"1"'],
    ['a missing name', (m) => delete m.name, 'manifest.name', 'a string', 'nothing'],
    ['an initial pose that does not exist', (m) => (m.initial = 'Sleep'), 'manifest.initial', 'the name of a pose in manifest.poses', '"Sleep"'],
    ['no poses', (m) => (m.poses = {}), 'manifest.poses', 'at least one pose', 'an empty object'],
    ['a transition to an unknown pose', (m) => (m.transitions[0].to = 'Jump'), 'manifest.transitions[0].to', 'the name of a pose in manifest.poses', '"Jump"'],
    [
      'a transition from an unknown pose',
      (m) => (m.transitions[0].from = 'Jump'),
      'manifest.transitions[0].from',
      "the name of a pose in manifest.poses or '*'",
      '"Jump"',
    ],
    [
      'a bad condition op',
      (m) => (m.transitions[0].conditions[0].op = '==='),
      'manifest.transitions[0].conditions[0].op',
      'one of "==", "!=", ">", "<", ">=", "<="',
      '"==="',
    ],
    [
      'an old condition op',
      (m) => (m.transitions[0].conditions[0].op = 'eq'),
      'manifest.transitions[0].conditions[0].op',
      'one of "==", "!=", ">", "<", ">=", "<="',
      '"eq"',
    ],
    [
      'a string condition value',
      (m) => (m.transitions[0].conditions[0].value = 'on'),
      'manifest.transitions[0].conditions[0].value',
      'true, false or a finite number',
      'string',
    ],
    ['missing conditions', (m) => delete m.transitions[0].conditions, 'manifest.transitions[0].conditions', 'an array', 'nothing'],
    ['a bad input type', (m) => (m.inputs[0].type = 'string'), 'manifest.inputs[0].type', 'one of "boolean", "number", "trigger"', '"string"'],
    ['a duplicate input', (m) => m.inputs.push({ name: 'wave', type: 'boolean' }), 'manifest.inputs[1].name', 'a name no other input has', '"wave"'],
    [
      'a number default on a boolean input',
      (m) => m.inputs.push({ name: 'on', type: 'boolean', default: 1 }),
      'manifest.inputs[1].default',
      'true or false',
      'number',
    ],
    ['a zero width', (m) => (m.poses.Idle.poster[0].width = 0), 'manifest.poses.Idle.poster[0].width', 'a positive integer', '0'],
    ['a fractional height', (m) => (m.poses.Idle.media.webm[1].height = 719.5), 'manifest.poses.Idle.media.webm[1].height', 'a positive integer', '719.5'],
    ['a string width', (m) => (m.poses.Idle.media.webm[0].width = '360'), 'manifest.poses.Idle.media.webm[0].width', 'a positive integer', 'string'],
    ['aspect 0', (m) => (m.poses.Wave.aspect = 0), 'manifest.poses.Wave.aspect', 'a number > 0', '0'],
    ['aspect NaN', (m) => (m.poses.Wave.aspect = Number.NaN), 'manifest.poses.Wave.aspect', 'a number > 0', 'NaN'],
    ['a string loop flag', (m) => (m.poses.Idle.loop = 'yes'), 'manifest.poses.Idle.loop', 'true or false', 'string'],
    ['media that is not an object', (m) => (m.poses.Wave.media = []), 'manifest.poses.Wave.media', 'a media object {webm?, hevc?, stacked?}', 'array'],
    ['a zero speed', (m) => (m.transitions[0].speed = 0), 'manifest.transitions[0].speed', 'a number > 0', '0'],
    [
      'a pose name that needs quoting',
      (m) => (m.poses['Needs Attention'] = { loop: 1, aspect: 1, poster: [], media: {} }),
      'manifest.poses["Needs Attention"].loop',
      'true or false',
      'number',
    ],
    ['a bad source kind', (m) => (m.source = { kind: 'api' }), 'manifest.source.kind', 'one of "collection", "canvas"', '"api"'],
  ];

  it.each(cases)('rejects %s', (_, breakIt, path, expected, received) => {
    const m = sampleManifest();
    breakIt(m);
    expect(checkManifest(m)).toEqual([{ path, expected, received }]);
    expect(() => validateManifest(m)).toThrow(`[masko] ${path}: expected ${expected}, received ${received}`);
  });

  it('rejects non-objects at the root', () => {
    expect(checkManifest(null)).toEqual([{ path: 'manifest', expected: 'a manifest object', received: 'null' }]);
    expect(checkManifest([])).toEqual([{ path: 'manifest', expected: 'a manifest object', received: 'array' }]);
  });

  it('collects every issue and lists them all in the message', () => {
    const m: any = sampleManifest();
    m.version = 3;
    m.initial = 'Nope';
    m.poses.Idle.aspect = -1;
    let error: unknown;
    try {
      validateManifest(m);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ManifestError);
    const { issues, message } = error as ManifestError;
    expect(issues.map((i) => i.path)).toEqual(['manifest.version', 'manifest.poses.Idle.aspect', 'manifest.initial']);
    expect(message.split('\n')).toHaveLength(3);
  });

  it(`caps the list at ${MAX_ISSUES} issues and says how many more there were`, () => {
    const m: any = sampleManifest();
    m.poses.Idle.media.webm = Array.from({ length: 30 }, () => ({ url: 1, type: 'video/webm', width: 1, height: 1 }));
    const issues = checkManifest(m);
    expect(issues).toHaveLength(MAX_ISSUES);
    expect(() => validateManifest(m)).toThrow('… and 10 more issues');
  });

  it('accepts any-state transitions, transitions without media, and optional fields', () => {
    const m: MascotManifest = sampleManifest();
    m.transitions.push({ from: '*', to: 'Idle', priority: 2, reverse: false, duration: 0, conditions: [] });
    m.autoplay = false;
    m.source = { kind: 'collection', id: 'c1', url: 'https://api.example/v1' };
    expect(checkManifest(m)).toEqual([]);
  });
});

describe('URL safety', () => {
  const withUrl = (url: unknown) => {
    const m: any = sampleManifest();
    m.poses.Idle.poster[0].url = url;
    return checkManifest(m);
  };

  it.each([
    'https://cdn.example/a.png',
    'http://localhost:4011/a.png',
    'HTTPS://CDN.EXAMPLE/A.PNG',
    '//cdn.example/a.png',
    '/assets/a.png',
    './a.png',
    '../a.png',
    'a.png',
    'a.png?v=1#x',
  ])('accepts %s', (url) => {
    expect(withUrl(url)).toEqual([]);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:image/png;base64,AAAA',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.com/uuid',
    'file:///etc/passwd',
    '',
  ])('rejects %j', (url) => {
    expect(withUrl(url)).toEqual([expect.objectContaining({ path: 'manifest.poses.Idle.poster[0].url', expected: 'an http(s) or relative URL string' })]);
  });

  it('rejects non-strings by type', () => {
    expect(withUrl({ href: 'x' })[0]!.received).toBe('object');
    expect(withUrl(undefined)[0]!.received).toBe('nothing');
  });
});
