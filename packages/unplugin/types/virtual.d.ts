// Fallback declarations for `virtual:masko/*` before `masko sync` has written masko.d.ts.
// The generated masko.d.ts narrows pose and input names to literal types per mascot.
declare module 'virtual:masko/*' {
  const manifest: import('masko-manifest').MascotManifest;
  export default manifest;
}
declare module 'virtual:masko' {
  const all: Record<string, import('masko-manifest').MascotManifest>;
  export default all;
}
