import { expect, waitUntil } from '@open-wc/testing';
import type { MaskoMascot } from '../../src/index.js';

// The self-contained build (dist/masko-mascot.js, `npm run build -w packages/player`) on a page that
// enforces Trusted Types and allows no policy: the element must need none (lit-html would create
// one named `lit-html` and fail), including its lazily loaded converter and state machine chunks.
describe('dist/masko-mascot.js under Trusted Types (require-trusted-types-for, no policy allowed)', () => {
  it('should play a canvas and follow its inputs without creating a policy', async function () {
    if (!('trustedTypes' in window)) this.skip(); // a browser without Trusted Types has nothing to enforce
    this.timeout(30_000);
    const frame = document.createElement('iframe');
    frame.src = '/packages/player/test/fixtures/trusted-types.html';
    frame.style.width = frame.style.height = '400px';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const page = frame.contentWindow as Window & { violations: string[]; trustedTypes: { createPolicy(name: string, rules: object): unknown } };
      const el = page.document.querySelector('masko-mascot') as MaskoMascot;
      await waitUntil(() => el.currentSource?.format === 'webm', 'plays', { timeout: 20_000 });
      const transitions: string[] = [];
      el.addEventListener('masko-transition-start', (e) => transitions.push(`${e.detail.from}>${e.detail.to}`));
      el.fire('wave');
      await waitUntil(() => el.pose === 'Wave', 'the canvas follows its trigger', { timeout: 20_000 });
      expect(transitions).to.deep.equal(['Idle>Wave']);
      expect(page.violations).to.deep.equal([]);
      // And enforcement is on: the policy lit-html would need cannot be made here.
      expect(() => page.trustedTypes.createPolicy('lit-html', {}), 'lit-html policy blocked').to.throw();
    } finally {
      frame.remove();
    }
  });
});
