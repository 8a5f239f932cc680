// `cem analyze` (npm run build:cem): dist/custom-elements.json from the element's JSDoc
// (@summary, @event, @csspart, @cssprop and the property docs), for editors, docs and linters.
export default {
  globs: ['src/masko-mascot.component.ts', 'src/define.ts', 'src/events.ts'],
  outdir: 'dist',
  litelement: true,
};
