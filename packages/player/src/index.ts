import './define.js';

export { MaskoMascot, type CurrentSource } from './masko-mascot.component.js';
export type * from './events.js';
export { chooseFormat, detectEngine, formatOrder, type RenderFormat, type RendererOverride } from './format.js';
export { chooseVariant } from './size.js';
export type { Command, PoseEngine } from './controllers/router.js';
