export * from './canvases.js';
export * from './envelope.js';
export * from './resources.js';
