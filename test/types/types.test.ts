// The typings of <masko-mascot> (the tag and event maps, and packages/player/types per framework) proven with tsc: each
// test/types/<framework>/ usage file type-checks, and a copy with its `@ts-expect-error` lines
// removed fails with exactly the errors they name, at exactly those lines (so a typing that lets
// `renderer="gif"` or `autoplay="yes"` through fails this test). Needs packages/player/dist (npm run build).
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const frameworks = ['dom', 'react', 'preact', 'solid', 'vue', 'svelte'];

/** Runs tsc on a project; resolves with its exit code and output (tsc exits 2 on type errors). */
async function typeCheck(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [tsc, '-p', project, '--pretty', 'false']);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** tsc's errors by line: `usage.tsx(12,5): error TS2322: …` plus its indented continuation lines. */
function errorsByLine(output: string): Map<number, string> {
  const errors = new Map<number, string>();
  let line = 0;
  for (const text of output.split('\n')) {
    const start = /\((\d+),\d+\): error (TS\d+: .*)$/.exec(text);
    if (start) errors.set((line = Number(start[1])), `${errors.get(Number(start[1])) ?? ''}${start[2]}\n`);
    else if (line && text.startsWith(' ')) errors.set(line, `${errors.get(line)}${text.trim()}\n`);
  }
  return errors;
}

describe.each(frameworks)('%s typings', (framework) => {
  const dir = `${here}${framework}`;
  const usage = readdirSync(dir).find((name) => name.startsWith('usage.'))!;

  test('the usage file type-checks', async () => {
    const { code, output } = await typeCheck(dir);
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  test('a wrong attribute type is an error, where @ts-expect-error says', async () => {
    const lines = readFileSync(`${dir}/${usage}`, 'utf8').split('\n');
    // Line n (1-based) of the copy is the statement after the directive: the directive line is blanked.
    const expected = new Map<number, string>();
    lines.forEach((text, index) => {
      const fragment = /\/\/ @ts-expect-error (.+)$/.exec(text)?.[1];
      if (fragment) expected.set(index + 2, fragment);
    });
    expect(expected.size).toBeGreaterThanOrEqual(2);
    const broken = `${dir}/.broken-${process.pid}`;
    mkdirSync(broken, { recursive: true });
    try {
      writeFileSync(`${broken}/${usage}`, lines.map((text) => (text.includes('@ts-expect-error') ? '' : text)).join('\n'));
      writeFileSync(`${broken}/tsconfig.json`, JSON.stringify({ extends: '../tsconfig.json', include: [usage] }));
      const { code, output } = await typeCheck(broken);
      expect(code).not.toBe(0);
      const errors = errorsByLine(output);
      expect([...errors.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [line, fragment] of expected) expect(errors.get(line), `line ${line}`).toContain(fragment);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 120_000);
});
