import masko from 'unplugin-masko/vite';
import { defineConfig } from 'vite';

// MASKO_API_KEY from the environment; MASKO_COLLECTION is your Masko collection id.
// Vite 8 compiles TSX with the automatic React runtime on its own; add @vitejs/plugin-react for Fast Refresh.
export default defineConfig({
  plugins: [masko({ mascots: { felix: { collection: process.env.MASKO_COLLECTION ?? '<collection id>' } }, dts: 'src/masko.d.ts' })],
  oxc: { jsx: { runtime: 'automatic' } },
});
