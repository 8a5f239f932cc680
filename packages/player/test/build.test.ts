import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Runs the real build (scripts/build.mjs) into a temp dir — never over dist/, which other test
// files (the playground's dev server, the bundler e2e tests) read meanwhile — and checks what
// each artefact may contain.
const root = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'masko-player-build-'));
const read = (file: string): string => readFileSync(join(out, file), 'utf8');
/** Specifiers of static imports that are relative (files loaded with the module, before it runs). */
const relativeImports = (code: string): string[] => [...code.matchAll(/\bfrom\s*["'](\.[^"']*)["']/g)].map((m) => m[1]!);
/** Specifiers of static and dynamic imports that are not relative (bare names, `node:` …). */
const bareImports = (code: string): string[] => [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([\w@][\w@/.:-]*)["']/g)].map((m) => m[1]!);

describe('the builds', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', out], { cwd: root, stdio: 'pipe', timeout: 60_000 });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('should make the standalone bundle self-contained: no bare or node: imports, Lit inside', () => {
    const bundle = read('masko-mascot.js');
    expect(bareImports(bundle)).toEqual([]);
    expect(bundle).not.toMatch(/node:/);
    expect(bundle).toContain('customElements.define("masko-mascot"');
    // The validator/converter is a sibling chunk, imported relatively and only on demand.
    const chunk = readdirSync(out).find((file) => /^masko-manifest-.*\.js$/.test(file));
    expect(bundle).toContain(`import("./${chunk}")`);
    expect(bareImports(read(chunk!))).toEqual([]);
    // So is the state machine, for canvases.
    const machine = readdirSync(out).find((file) => /^state-machine-.*\.js$/.test(file));
    expect(bundle).toContain(`import("./${machine}")`);
    expect(bareImports(read(machine!))).toEqual([]);
    expect(read(machine!)).toContain('nodeTime');
    expect(bundle).not.toContain('nodeTime');
    // And the stacked renderer (WebGL), for stacked clips: it takes the <video> helpers from the entry,
    // which imports nothing statically (no shared chunk on the way to the first frame).
    const stacked = readdirSync(out).find((file) => /^stacked-.*\.js$/.test(file));
    expect(bundle).toContain(`import("./${stacked}")`);
    expect(relativeImports(bundle)).toEqual([]);
    expect(relativeImports(read(stacked!))).toEqual(['./masko-mascot.js']);
    expect(read(stacked!)).toContain('webglcontextrestored');
    expect(bundle).not.toMatch(/"webgl"|texImage2D/);
    expect(readdirSync(out).filter((file) => /^chunk-/.test(file))).toEqual([]);
  });

  it('should contain no lit-html, so no Trusted Types policy is created', () => {
    for (const file of ['index.js', 'masko-mascot.js']) expect(read(file)).not.toContain('createPolicy');
  });

  it('should keep Lit and masko-manifest external in the npm entry, and the state machine a lazy import', () => {
    expect(new Set(bareImports(read('index.js')))).toEqual(new Set(['@lit/reactive-element']));
    expect(read('index.js')).toContain('import("./state-machine.js")');
    const stacked = readdirSync(join(out, 'lazy')).find((file) => /^stacked-.*\.js$/.test(file));
    expect(read('index.js')).toContain(`import("./lazy/${stacked}")`);
    expect(read('index.js')).not.toContain('webglcontextrestored');
    const lazy = readdirSync(join(out, 'lazy')).find((file) => /^masko-manifest-.*\.js$/.test(file));
    expect(read('index.js')).toContain(`import("./lazy/${lazy}")`);
    expect(bareImports(read(`lazy/${lazy}`))).toEqual(['masko-manifest']);
    expect(bareImports(read('state-machine.js'))).toEqual([]);
  });

  it('should have dev warnings only in the development build', () => {
    expect(read('development/index.js')).toContain('<masko-mascot> ');
    for (const file of ['index.js', 'masko-mascot.js']) expect(read(file)).not.toContain('<masko-mascot> ');
  });

  it('should use no eval and no inline-style APIs a strict CSP would block', () => {
    for (const file of ['index.js', 'masko-mascot.js']) {
      const code = read(file);
      expect(code).not.toMatch(/\beval\(|new Function\(/);
      expect(code).not.toMatch(/setAttribute\(\s*["']style["']/);
    }
  });
});
