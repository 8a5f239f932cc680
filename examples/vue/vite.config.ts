import vue from '@vitejs/plugin-vue';
import masko from 'unplugin-masko/vite';
import { defineConfig } from 'vite';

// MASKO_API_KEY from the environment; MASKO_COLLECTION is your Masko collection id.
export default defineConfig({
  plugins: [
    // <masko-mascot> is a custom element, not a Vue component: Vue passes `:manifest` as a property.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'masko-mascot' } } }),
    masko({ mascots: { felix: { collection: process.env.MASKO_COLLECTION ?? '<collection id>' } }, dts: 'src/masko.d.ts' }),
  ],
});
