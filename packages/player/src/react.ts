/**
 * `masko-mascot/react`: `<masko-mascot>` as a React component (React 17–19) through `@lit/react`,
 * with typed props and `onMaskoLoad`-style event props. React is a peer dependency: this entry is the
 * only one that imports it, so the element's own bundle never contains React.
 *
 * ```tsx
 * import { MaskoMascot } from 'masko-mascot/react';
 * <MaskoMascot manifest={felix} alt="Felix" onMaskoPoseChange={(e) => console.log(e.detail.to)} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { MaskoMascot as MaskoMascotElement } from './index.js';
import type {
  MaskoErrorEvent,
  MaskoInputChangeEvent,
  MaskoLoadEvent,
  MaskoLoopEvent,
  MaskoPoseChangeEvent,
  MaskoTransitionEvent,
} from './events.js';

export const MaskoMascot = createComponent({
  react: React,
  tagName: 'masko-mascot',
  elementClass: MaskoMascotElement,
  displayName: 'MaskoMascot',
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

/** Props of the `MaskoMascot` React component. */
export type MaskoMascotProps = React.ComponentProps<typeof MaskoMascot>;
