// A web-test-runner command that taps the test page with a real touch, through the browser's own
// input pipeline: hit-testing, pointer events of type `touch`, and the click the browser makes
// after the touch ends (hit-tested anew then). Synthesized PointerEvents cannot stand in for it:
// they are untrusted, hit-test nothing and are followed by no click.
// - Playwright (Chromium): CDP Input.dispatchTouchEvent (a touch start and end at the point).
// - Puppeteer (Firefox over WebDriver BiDi): page.touchscreen.tap (BiDi input actions of a touch pointer).
// WebKitWebDriver performs the W3C actions of a `touch` pointer as mouse input, so WebDriver sessions
// get an error rather than a tap that is not one.
//
// Browser side: executeServerCommand('touch-tap', { x, y }) in CSS pixels of the viewport.
export function touchTapPlugin() {
  return {
    name: 'masko-touch-tap',
    async executeCommand({ command, payload, session }) {
      if (command !== 'touch-tap') return undefined;
      const { x, y } = payload;
      const launcher = session.browser;
      if (launcher.type === 'webdriver') throw new Error('touch-tap: WebDriver sessions have no touch input here (WebKitWebDriver sends it as mouse)');
      const page = launcher.getPage(session.id);
      if (launcher.type === 'playwright') {
        const cdp = await page.context().newCDPSession(page);
        try {
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        } finally {
          await cdp.detach();
        }
        return true;
      }
      await page.touchscreen.tap(x, y);
      return true;
    },
  };
}
