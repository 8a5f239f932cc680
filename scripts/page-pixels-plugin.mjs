// A web-test-runner command that reads pixels of what the browser really shows: a screenshot of the
// test page, taken by the launcher (Playwright, Puppeteer or WebDriver), decoded with sharp. Canvas
// read-backs cannot stand in for it everywhere: WebKitGTK's drawImage() of a <video> with alpha
// replaces the destination instead of blending over it, which the page itself does not do.
//
// Browser side: executeServerCommand('page-pixels', { points: [[x, y], …] }) with points in CSS
// pixels of the viewport; returns one [r, g, b, a] per point.
//
// What WebKitWebDriver captures (WebAutomationSession::takeScreenshot, GTK): not a fresh paint of the
// page but a UI-process snapshot of the view (takeViewSnapshot) after its next presentation update,
// i.e. the last frame the web process's compositor handed over, which can lag the page's current
// state; pagePixels() (packages/player/test/browser/pixels.ts) therefore shoots until two agree.
import sharp from 'sharp';

async function screenshot(session) {
  const launcher = session.browser;
  if (launcher.type === 'webdriver') return Buffer.from(await launcher.driver.takeScreenshot(), 'base64');
  // Playwright and Puppeteer launchers both hand out the session's page.
  return Buffer.from(await launcher.getPage(session.id).screenshot());
}

export function pagePixelsPlugin() {
  return {
    name: 'masko-page-pixels',
    async executeCommand({ command, payload, session }) {
      if (command !== 'page-pixels') return undefined;
      const { points, devicePixelRatio = 1 } = payload;
      const { data, info } = await sharp(await screenshot(session))
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return points.map(([x, y]) => {
        const px = Math.min(info.width - 1, Math.floor(x * devicePixelRatio));
        const py = Math.min(info.height - 1, Math.floor(y * devicePixelRatio));
        const i = (py * info.width + px) * info.channels;
        return [data[i], data[i + 1], data[i + 2], data[i + 3]];
      });
    },
  };
}
