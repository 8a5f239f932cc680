import { createMaskoClient } from 'masko-client';
import { DEMO } from 'masko-emulator';
import masko from 'unplugin-masko/vite';
import { defineConfig } from 'vite';

// `npm start` (scripts/start.mjs) points MASKO_API_URL at the emulator it started, with a fake key.
// With your own MASKO_API_KEY the same page runs on the real Masko API: it shows MASKO_COLLECTION
// (and MASKO_CANVAS) when set, otherwise your first collection.
const apiUrl = process.env.MASKO_API_URL ?? 'https://api.masko.ai/v1';
const onEmulator = /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(apiUrl);

async function firstCollection(): Promise<string> {
  const client = createMaskoClient({ apiKey: process.env.MASKO_API_KEY, apiUrl });
  try {
    for await (const collection of client.collections.list()) {
      console.log(`masko playground: showing your collection "${collection.name}" (set MASKO_COLLECTION to pick another)`);
      return collection.id;
    }
    throw new Error('[masko] playground: your account has no collection yet; create a mascot on masko.ai first');
  } finally {
    await client.close();
  }
}

export default defineConfig(async () => {
  const collection = process.env.MASKO_COLLECTION ?? (onEmulator ? DEMO.collectionId : await firstCollection());
  const canvas = process.env.MASKO_CANVAS ?? (onEmulator ? DEMO.canvasId : undefined);
  return {
    define: { __MASKO_API__: JSON.stringify(onEmulator ? `the local masko-emulator (${new URL(apiUrl).host})` : new URL(apiUrl).host) },
    plugins: [masko({ mascots: { felix: { collection, ...(canvas ? { canvas } : {}) } }, dts: 'src/masko.d.ts' })],
    server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
  };
});
