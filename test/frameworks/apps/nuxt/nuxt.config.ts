export default defineNuxtConfig({
  modules: ['unplugin-masko/nuxt'], // syncs when Nuxt starts: public/masko/ and app/masko/
});
