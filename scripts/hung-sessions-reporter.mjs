// A web-test-runner reporter that writes down which test files hung, per browser: the sessions the
// runner itself failed because their page never reported (no test started, or none finished, in time).
// scripts/browser-tests.mjs re-runs those once. A test that fails is never in the list: mocha's own
// timeout fails a test that waits too long, so only a page that stopped answering lands here.
import { writeFileSync } from 'node:fs';
import { lastRequests } from './request-log.mjs';

const RUNNER_TIMEOUT = /^(Browser tests did not (start|finish)|The browser was unable to create and start a test page)/;

/**
 * Writes `{ failed, hung }` (lists of `{ browser, file }`; a hung one also has the engine's last requests
 * to the test server) to `path` when the run ends.
 */
export function hungSessionsReporter(path) {
  return {
    onTestRunFinished({ sessions }) {
      const failed = sessions.filter((session) => !session.passed);
      const hung = failed.filter((session) => session.errors.some((error) => RUNNER_TIMEOUT.test(error.message ?? '')));
      const pairs = (list) => list.map((session) => ({ browser: session.browser.name.toLowerCase(), file: session.testFile }));
      const withRequests = pairs(hung).map((pair) => ({ ...pair, requests: lastRequests(pair.browser) }));
      writeFileSync(path, JSON.stringify({ failed: pairs(failed), hung: withRequests }));
    },
  };
}
