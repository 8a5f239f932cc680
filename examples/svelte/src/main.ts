import 'masko-mascot'; // defines <masko-mascot> before Svelte renders it
import type {} from 'masko-mascot/svelte'; // types <masko-mascot> in templates (svelte-check)
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
