import { copyFile, mkdir } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { dirname, join, resolve } from 'pathe';
import { writeIfChanged } from '../core/fs-utils.js';
import { commonArgs, createContext, createProgress, logger, printSummary, reportUserErrors } from './shared.js';

export default defineCommand({
  meta: { name: 'pull', description: 'Write <key>.json manifests and their assets into a directory (sites without a bundler)' },
  args: { ...commonArgs, out: { type: 'string', required: true, description: 'Output directory' } },
  run: reportUserErrors(async ({ args }) => {
    const started = Date.now();
    const p = await createContext(args, { progress: createProgress() }).prepare();
    const out = resolve(args.out);
    for (const file of p.files) {
      const dest = join(out, file.fileName);
      await mkdir(dirname(dest), { recursive: true });
      await copyFile(file.path, dest);
    }
    for (const [key, built] of Object.entries(p.mascots)) {
      // The manifest's URLs are the file names, relative to the JSON file, which sits next to the assets/ folder.
      await writeIfChanged(join(out, `${key}.json`), `${JSON.stringify(built.manifest, null, 2)}\n`);
      logger.info(`wrote ${join(out, `${key}.json`)}`);
    }
    printSummary(p, started);
  }),
});
