import { svelte } from '@sveltejs/vite-plugin-svelte';
import masko from 'unplugin-masko/vite';
import { defineConfig } from 'vite';

// MASKO_API_KEY from the environment; MASKO_COLLECTION is your Masko collection id.
export default defineConfig({
  plugins: [svelte(), masko({ mascots: { felix: { collection: process.env.MASKO_COLLECTION ?? '<collection id>' } }, dts: 'src/masko.d.ts' })],
});
