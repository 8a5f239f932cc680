import masko from 'unplugin-masko/vite';
import { defineConfig } from 'vite';

export default defineConfig({ plugins: [masko()] });
