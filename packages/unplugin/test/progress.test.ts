import { afterEach, describe, expect, it } from 'vitest';
import { createProgress } from '../src/commands/shared.js';

const sink = (isTTY: boolean) => {
  const out: string[] = [];
  return {
    out,
    stream: {
      isTTY,
      write: (s: string) => {
        out.push(s);
        return true;
      },
    } as unknown as NodeJS.WriteStream,
  };
};
const ci = process.env.CI;
afterEach(() => {
  if (ci === undefined) delete process.env.CI;
  else process.env.CI = ci;
});

describe('createProgress', () => {
  it('redraws one bar line on a TTY', () => {
    delete process.env.CI;
    const { out, stream } = sink(true);
    const p = createProgress(stream);
    p.add(2, 2048);
    p.advance(1024);
    p.fileDone();
    p.end();
    expect(out.slice(-2)).toEqual(['\r[############------------] 1/2 files 1.0 kB', '\n']);
    expect(out.every((l) => l.startsWith('\r') || l === '\n')).toBe(true);
  });

  it('prints plain lines, one per tenth of the files, elsewhere', () => {
    const { out, stream } = sink(false);
    const p = createProgress(stream);
    p.add(2, 10);
    p.advance(10);
    p.fileDone();
    p.fileDone();
    p.end();
    expect(out).toEqual(['downloaded 1/2 files (10 B)\n', 'downloaded 2/2 files (10 B)\n']);
    const many = sink(false);
    const q = createProgress(many.stream);
    q.add(84, 84);
    for (let i = 0; i < 84; i++) q.fileDone();
    expect(many.out.map((l) => l.split(' ')[1])).toEqual(['9/84', '18/84', '27/84', '36/84', '45/84', '54/84', '63/84', '72/84', '81/84', '84/84']);
  });
});
