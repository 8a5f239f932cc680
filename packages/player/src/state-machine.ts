// The `masko-mascot/state-machine` entry (and the chunk the element loads on demand for canvases).
export { stateMachineEngine } from './engines/state-machine.js';
