// <masko-mascot> in Solid JSX (masko-mascot/jsx-solid); listeners use Solid's `on:` namespace.
// Each `@ts-expect-error` names a fragment of the error tsc must report there (test/types/types.test.ts).
import type {} from 'masko-mascot/jsx-solid';

export const plain = (
  <masko-mascot
    src="/mascots/felix.json"
    pose="Wave"
    renderer="image"
    autoplay={false}
    alt="Felix"
    on:masko-pose-change={(event) => console.log(event.detail.to)}
  />
);
// @ts-expect-error Type '"gif"' is not assignable to type 'RendererOverride | undefined'
export const badRenderer = <masko-mascot renderer="gif" />;
// @ts-expect-error Type 'string' is not assignable to type 'boolean | undefined'
export const badAutoplay = <masko-mascot autoplay="yes" />;
