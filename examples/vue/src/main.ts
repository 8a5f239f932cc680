import 'masko-mascot'; // defines <masko-mascot> before Vue renders it
import type {} from 'masko-mascot/vue'; // types <masko-mascot> in templates (vue-tsc, Volar)
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
