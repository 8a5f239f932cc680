/** Options for syncing the emulator's demo mascot `felix`: the setup the node and end-to-end tests share. */
import { join } from 'node:path';
import { DEMO } from 'masko-emulator';
import type { MascotOptions, MaskoOptions } from 'unplugin-masko';

/**
 * `felix` (the demo collection) synced from `emu` into `root`: no config file, the cache in `root/cache`,
 * `felix` merged into the mascot's options and `extra` over the rest. Each test file passes its own key
 * (the secrets tests look for it in output).
 */
export function demoOptions(emu: { apiUrl: string }, root: string, apiKey: string, felix: Partial<MascotOptions> = {}, extra: MaskoOptions = {}): MaskoOptions {
  return {
    root,
    configFile: false,
    apiKey,
    apiUrl: emu.apiUrl,
    cacheDir: join(root, 'cache'),
    mascots: { felix: { collection: DEMO.collectionId, ...felix } },
    ...extra,
  };
}
