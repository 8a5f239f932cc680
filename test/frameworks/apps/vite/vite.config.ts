import { defineConfig } from 'vite';
import masko from 'unplugin-masko/vite';

export default defineConfig({ plugins: [masko()] });
