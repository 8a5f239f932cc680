import './define.js';

export { MaskoMascot, PRELOAD_BUDGET, RELEASE_AFTER_MS, type BuiltinInput, type CurrentSource, type InputValue, type SwitchAt } from './masko-mascot.component.js';
export type * from './events.js';
export { chooseFormat, detectEngine, formatOrder, type RenderFormat, type RendererOverride } from './format.js';
export { chooseVariant } from './size.js';
export type { Command, EngineFactory, PoseEngine } from './engines/router.js';
/** The manifest types (re-exported so generated declarations import only the app's direct dependency). */
export type { InputName, MascotManifest, PoseName, Pose, Variant } from 'masko-manifest';
