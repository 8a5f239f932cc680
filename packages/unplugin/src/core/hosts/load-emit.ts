/**
 * Vite build, Rollup and esbuild: the files a virtual module names are emitted while it loads (`this.emitFile`),
 * each read once and verified (emit-read.ts) however many modules ship it. Rollup answers `emitFile` with
 * a reference id, which becomes the file's URL (`import.meta.ROLLUP_FILE_URL_…`).
 */
import type { Prepared } from '../context.js';
import { readVerified } from '../emit-read.js';
import type { OutputFile } from '../manifest.js';

type EmitFile = (file: { type: 'asset'; fileName: string; source: Buffer }) => unknown;

export interface LoadEmitter {
  /** Forget what the last build emitted (a new build starts). */
  reset(): void;
  /** Emits the files not emitted yet in this build, and waits for every one of `files` (emitted by any load). */
  emit(files: OutputFile[], emitFile: EmitFile): Promise<void>;
  /** Rollup's reference id for an emitted file (unplugin types `emitFile` as void; Rollup returns one). */
  referenceOf(fileName: string): string | undefined;
}

export function createLoadEmitter(reprepare: () => Promise<Prepared>): LoadEmitter {
  /** File name → Rollup reference id. */
  const emitted = new Map<string, string | undefined>();
  /** File name → its read-and-emit, shared by every load that ships it. */
  const emitting = new Map<string, Promise<void>>();
  return {
    reset() {
      emitted.clear();
      emitting.clear();
    },
    async emit(files, emitFile) {
      const todo = files.filter((f) => !emitting.has(f.fileName));
      const job = readVerified(todo, reprepare).then((sources) =>
        todo.forEach((file, i) => {
          const ref = emitFile({ type: 'asset', fileName: file.fileName, source: sources[i]! });
          emitted.set(file.fileName, typeof ref === 'string' ? ref : undefined);
        }),
      );
      for (const file of todo) emitting.set(file.fileName, job);
      await Promise.all(files.map((f) => emitting.get(f.fileName)));
    },
    referenceOf: (fileName) => emitted.get(fileName),
  };
}
