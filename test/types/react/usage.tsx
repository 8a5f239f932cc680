// <masko-mascot> in React 19 JSX (masko-mascot/jsx-react) and the masko-mascot/react wrapper.
// Each `@ts-expect-error` names a fragment of the error tsc must report there (test/types/types.test.ts).

import type { MascotManifest } from 'masko-manifest';
import type {} from 'masko-mascot/jsx-react';
import { MaskoMascot } from 'masko-mascot/react';

declare const felix: MascotManifest<'Idle' | 'Wave'>;

export const plain = (
  <masko-mascot
    src="/mascots/felix.json"
    pose="Wave"
    renderer="stacked"
    loading="eager"
    autoplay={false}
    alt="Felix"
    dpr-cap={2}
    className="hero"
    onmasko-pose-change={(event) => console.log(event.detail.from, event.detail.to)}
    onmasko-error={(event) => console.log(event.detail.reason)}
  />
);
// @ts-expect-error Type '"gif"' is not assignable to type 'RendererOverride | undefined'
export const badRenderer = <masko-mascot renderer="gif" />;
// @ts-expect-error Type 'string' is not assignable to type 'boolean | undefined'
export const badAutoplay = <masko-mascot autoplay="yes" />;
// @ts-expect-error Property 'pose' does not exist on type 'MaskoLoadDetail'
export const badDetail = <masko-mascot onmasko-load={(event) => event.detail.pose} />;

export const wrapped = <MaskoMascot manifest={felix} alt="Felix" onMaskoLoad={(event) => event.detail.format} onMaskoPoseChange={(event) => event.detail.to} />;
// @ts-expect-error Type '"gif"' is not assignable to type 'RendererOverride | undefined'
export const badWrapped = <MaskoMascot renderer="gif" />;
