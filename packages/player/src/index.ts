import './define.js';

/** The manifest types (re-exported so generated declarations import only the app's direct dependency). */
export type { InputName, MascotManifest, Pose, PoseName, Variant } from 'masko-manifest';
export type { Command, EngineFactory, PoseEngine } from './engines/router.js';
export type * from './events.js';
export { chooseFormat, detectEngine, formatOrder, type RendererOverride, type RenderFormat } from './format.js';
export {
  type BuiltinInput,
  type CurrentSource,
  type InputValue,
  MaskoMascot,
  PRELOAD_BUDGET,
  RELEASE_AFTER_MS,
  type SwitchAt,
} from './masko-mascot.component.js';
export { chooseVariant } from './size.js';
