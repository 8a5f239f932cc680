// WebKitGTK for web-test-runner: Debian's WebKitWebDriver driving MiniBrowser through
// @web/test-runner-webdriver. The driver starts when the run begins and stops (taking MiniBrowser
// with it) when the run ends. scripts/browser-tests.mjs runs the whole run under xvfb-run.
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { startWebKitDriver, webkitCapabilities } from './webkit-driver.mjs';

class WebKitLauncher extends WebdriverLauncher {
  #driver;

  constructor() {
    super({ hostname: '127.0.0.1', port: 0 /* set once the driver runs */, logLevel: 'error', capabilities: webkitCapabilities });
  }

  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
    this.#driver = await startWebKitDriver();
    this.options.port = this.#driver.port;
  }

  async stop() {
    await super.stop();
    this.#driver?.stop();
    this.#driver = undefined;
  }
}

export const webkitLauncher = () => new WebKitLauncher();
