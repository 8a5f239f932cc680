// web-test-runner sends a failing test's `actual` and `expected` to the runner through structuredClone()
// (its web socket's message encoding). A DOM node or a PerformanceEntry there throws, the page never
// sends its results, and the failure shows as a hang: "Browser tests did not finish within 240000ms",
// no test reported (seen on CI in Firefox and here in Chromium, from preload.test.ts). This plugin puts
// an import of the browser half below at the top of every test file, so such values go as strings.
const BROWSER_HALF = '/scripts/cloneable-failures.browser.js';

export function cloneableFailuresPlugin() {
  return {
    name: 'masko-cloneable-failures',
    transform(context) {
      if (/\.test\.ts$/.test(context.path)) return { body: `import '${BROWSER_HALF}';\n${context.body}` };
      return undefined;
    },
  };
}
