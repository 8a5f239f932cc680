// Type-level checks, run by `npm run typecheck:test -w packages/player`: a canvas that declares no
// inputs (masko.json, otto.json) still takes the Claude Code inputs the machine seeds.
import type { MascotManifest } from 'masko-manifest';
import type { MaskoMascot } from '../src/index.js';

declare const mascot: MaskoMascot<MascotManifest<'Idle' | 'Working', never>>;
mascot.setInput('claudeCode::isWorking', true);
mascot.setInput('claudeCode::sessionCount', 2);
mascot.setInput('mouseOver', true);
// @ts-expect-error a misspelt input is still refused
mascot.setInput('claudeCode::isWorkin', true);
export const alert: boolean | number | undefined = mascot.inputs['claudeCode::isAlert'];
