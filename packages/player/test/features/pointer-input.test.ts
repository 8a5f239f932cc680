import { describe, expect, it } from 'vitest';
import type { PoseEngine } from '../../src/engines/router.js';
import { pointerInput } from '../../src/features/pointer-input.js';

describe('pointer input', () => {
  it('should count clicks and hovering where the hit-test says the character is, until the signal aborts', () => {
    const host = new EventTarget() as HTMLElement;
    const seen: string[] = [];
    const engine = { click: () => void seen.push('click'), hover: (over: boolean) => void seen.push(`hover ${over}`) } as Partial<PoseEngine> as PoseEngine;
    let onCharacter = false;
    const connected = new AbortController();
    pointerInput(
      host,
      () => engine,
      () => onCharacter,
      connected.signal,
    );
    for (const type of ['pointerenter', 'click', 'pointerleave']) host.dispatchEvent(new Event(type));
    onCharacter = true;
    for (const type of ['pointerenter', 'click', 'pointerleave']) host.dispatchEvent(new Event(type));
    connected.abort();
    host.dispatchEvent(new Event('click'));
    expect(seen).toEqual(['hover false', 'hover false', 'hover true', 'click', 'hover false']);
  });

  it('should do nothing before an engine runs', () => {
    const host = new EventTarget() as HTMLElement;
    pointerInput(
      host,
      () => undefined,
      () => true,
      new AbortController().signal,
    );
    expect(() => host.dispatchEvent(new Event('click'))).not.toThrow();
  });
});
