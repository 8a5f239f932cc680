import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'pathe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOptions } from '../src/core/config.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'masko-config-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadOptions', () => {
  it('reads masko.config.ts and lets inline options win, arrays replaced rather than merged', async () => {
    await writeFile(
      join(root, 'masko.config.ts'),
      `const n: number = 3;\nexport default { concurrency: n, mascots: { felix: { collection: 'c1', formats: ['png'], sizes: [360] } } };\n`,
    );
    const { options, configFile } = await loadOptions({ root, mascots: { felix: { collection: 'c1', formats: ['webm'] } } });
    expect(configFile).toBe(join(root, 'masko.config.ts'));
    expect(options.concurrency).toBe(3);
    expect(options.mascots[0]).toMatchObject({ key: 'felix', formats: ['webm'], sizes: [360] });
  });

  it('reads JSON, and names the file-level option that is wrong', async () => {
    await writeFile(join(root, 'masko.config.json'), JSON.stringify({ generate: { maxCredits: -1 } }));
    await expect(loadOptions({ root })).rejects.toThrow(/\] generate\.maxCredits: expected a non-negative integer, received -1/);
  });

  it('without a config file: the inline options alone, no file reported', async () => {
    const { options, configFile } = await loadOptions({ root, concurrency: 4 });
    expect(options.concurrency).toBe(4);
    expect(configFile).toBeUndefined();
  });

  it('reads a plain JSON file itself, and leaves the choice to c12 when another extension sits beside it', async () => {
    await writeFile(
      join(root, 'masko.config.json'),
      JSON.stringify({ concurrency: 2, dts: false, mascots: { felix: { collection: 'c1', formats: ['png', 'webm'] } } }),
    );
    const plain = await loadOptions({ root, mascots: { felix: { collection: 'c1', formats: ['webm'] } } });
    expect(plain.configFile).toBe(join(root, 'masko.config.json'));
    expect(plain.options).toMatchObject({ concurrency: 2, dts: false });
    expect(plain.options.mascots[0]).toMatchObject({ formats: ['webm'] });

    await writeFile(join(root, 'masko.config.ts'), 'export default { concurrency: 7 };\n');
    const both = await loadOptions({ root });
    expect(both.configFile).toBe(join(root, 'masko.config.ts'));
    expect(both.options.concurrency).toBe(7);
  });

  it('finds .config/masko.ts through c12, and a file c12 would not pick (masko.config.bak) is no config', async () => {
    await writeFile(join(root, 'masko.config.bak'), 'not a config');
    expect((await loadOptions({ root })).configFile).toBeUndefined();
    await expect(loadOptions({ root, configFile: 'masko.config' })).rejects.toThrow(/config file masko\.config was not found/);
    await mkdir(join(root, '.config'));
    await writeFile(join(root, '.config/masko.ts'), 'export default { concurrency: 5 };\n');
    const found = await loadOptions({ root });
    expect(found.configFile).toBe(join(root, '.config/masko.ts'));
    expect(found.options.concurrency).toBe(5);
  });

  it('skips the file with configFile: false', async () => {
    await writeFile(join(root, 'masko.config.json'), JSON.stringify({ concurrency: 2 }));
    const { options, configFile } = await loadOptions({ root, configFile: false });
    expect(options.concurrency).toBe(16);
    expect(configFile).toBeUndefined();
  });
});
