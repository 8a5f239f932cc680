// Fallback declarations for `virtual:masko/*` before `masko sync` has written masko.d.ts.
// The generated masko.d.ts declares each mascot (and `virtual:masko`) exactly, with pose and input
// names as literal types; exact module names win over this pattern, so both can be included.
declare module 'virtual:masko/*' {
  const manifest: import('masko-manifest').MascotManifest;
  export default manifest;
}
