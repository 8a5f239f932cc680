'use client';
import { createComponent, type EventName } from '@lit/react';
import type { MascotManifest, PoseName } from 'masko-manifest';
/**
 * `masko-mascot/react`: `<masko-mascot>` as a React component (React 17–19) through `@lit/react`,
 * with typed props and `onMaskoLoad`-style event props. React is a peer dependency: this entry is the
 * only one that imports it, so the element's own bundle never contains React.
 *
 * A client component (`'use client'`), so Server Components (Next.js App Router) render it directly.
 * With a `manifest` it server-renders its first paint (masko-mascot/fallback): the box at its final
 * size and the poster, before any script runs; the manifest reaches the element after hydration.
 *
 * ```tsx
 * import { MaskoMascot } from 'masko-mascot/react';
 * <MaskoMascot manifest={felix} alt="Felix" onMaskoPoseChange={(e) => console.log(e.detail.to)} />
 * ```
 */
import * as React from 'react';
import type { MaskoErrorEvent, MaskoInputChangeEvent, MaskoLoadEvent, MaskoLoopEvent, MaskoPoseChangeEvent, MaskoTransitionEvent } from './events.js';
import { fallback } from './fallback.js';
import { MaskoMascot as MaskoMascotElement } from './index.js';

const Element = createComponent({
  react: React,
  tagName: 'masko-mascot',
  elementClass: MaskoMascotElement,
  displayName: 'MaskoMascotElement',
  events: {
    onMaskoLoad: 'masko-load' as EventName<MaskoLoadEvent>,
    onMaskoError: 'masko-error' as EventName<MaskoErrorEvent>,
    onMaskoPoseChange: 'masko-pose-change' as EventName<MaskoPoseChangeEvent>,
    onMaskoTransitionStart: 'masko-transition-start' as EventName<MaskoTransitionEvent>,
    onMaskoTransitionEnd: 'masko-transition-end' as EventName<MaskoTransitionEvent>,
    onMaskoLoop: 'masko-loop' as EventName<MaskoLoopEvent>,
    onMaskoInputChange: 'masko-input-change' as EventName<MaskoInputChangeEvent>,
  },
});

type ElementProps = React.ComponentProps<typeof Element>;

/** Props of the `MaskoMascot` React component; `pose` and `ref` are typed by the manifest's names. */
export type MaskoMascotProps<M extends MascotManifest = MascotManifest> = Omit<ElementProps, 'manifest' | 'pose' | 'ref'> & {
  /** The manifest (e.g. a typed manifest module); serializable, so a Server Component may pass it. */
  manifest?: M;
  /** The pose on screen; set it to switch poses. */
  pose?: PoseName<M>;
  ref?: React.Ref<MaskoMascotElement<M>>;
};

/** The poster fills the box as the element's media do. */
const IMG_STYLE = { display: 'block', width: '100%', height: '100%', objectFit: 'contain' } as const;

const Wrapper = React.forwardRef<MaskoMascotElement, ElementProps>(function MaskoMascot(props, ref) {
  const { manifest, pose, style, children } = props;
  const width = typeof style?.width === 'number' || typeof style?.width === 'string' ? style.width : undefined;
  // The first paint, unless the page gave its own children.
  const first = manifest && children === undefined ? fallback(manifest, { ...(pose ? { pose } : {}), ...(width !== undefined ? { width } : {}) }) : undefined;
  const img = first?.img;
  const poster =
    img
    && React.createElement('img', {
      src: img.src,
      srcSet: img.srcset,
      sizes: img.sizes,
      width: img.width,
      height: img.height,
      alt: '',
      decoding: 'async',
      style: IMG_STYLE,
    });
  return React.createElement(Element, { ...props, ref, style: first ? { ...first.box, ...style } : style }, children ?? poster);
});

/** `<masko-mascot>` for React; see the module comment. */
export const MaskoMascot = Wrapper as unknown as (<M extends MascotManifest = MascotManifest>(props: MaskoMascotProps<M>) => React.ReactElement | null) & {
  displayName?: string;
};
