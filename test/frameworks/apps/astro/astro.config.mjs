import { defineConfig } from 'astro/config';
import masko from 'unplugin-masko/astro';

export default defineConfig({ integrations: [masko()] });
