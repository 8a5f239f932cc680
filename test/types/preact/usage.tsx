// <masko-mascot> in Preact JSX (masko-mascot/jsx-preact).
// Each `@ts-expect-error` names a fragment of the error tsc must report there (test/types/types.test.ts).
import type {} from 'masko-mascot/jsx-preact';

export const plain = (
  <masko-mascot
    src="/mascots/felix.json"
    pose="Wave"
    renderer="webm"
    loading="lazy"
    autoplay
    alt="Felix"
    class="hero"
    onmasko-load={(event) => console.log(event.detail.format)}
  />
);
// @ts-expect-error Type '"gif"' is not assignable to type 'RendererOverride | undefined'
export const badRenderer = <masko-mascot renderer="gif" />;
// @ts-expect-error Type 'string' is not assignable to type 'boolean | undefined'
export const badAutoplay = <masko-mascot autoplay="yes" />;
// @ts-expect-error Type '"soon"' is not assignable to type '"lazy" | "eager" | undefined'
export const badLoading = <masko-mascot loading="soon" />;
