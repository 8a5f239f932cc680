// `import type {} from 'masko-mascot/vue'`: types <masko-mascot> in Vue templates (vue-tsc / Volar)
// through GlobalComponents. `@masko-load` in a template is the `onMaskoLoad` prop here.
// Tell Vue's compiler it is a custom element: `compilerOptions.isCustomElement: (tag) => tag === 'masko-mascot'`.
import type { DefineComponent } from 'vue';
import type { MaskoMascotAttributes, MaskoMascotEvents } from './attributes.js';

export type { MaskoMascotAttributes, MaskoMascotEvents } from './attributes.js';

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Camel<Tail>}` : Capitalize<S>;

/** Props of `<masko-mascot>` in Vue: the attributes plus `onMaskoLoad`, `onMaskoPoseChange`, … */
export type MaskoMascotVueProps = MaskoMascotAttributes & {
  [K in keyof MaskoMascotEvents as `on${Camel<K>}`]?: (event: MaskoMascotEvents[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'masko-mascot': DefineComponent<MaskoMascotVueProps>;
  }
}
