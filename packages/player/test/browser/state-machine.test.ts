import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { MaskoMascot } from '../../src/index.js';
import { stateMachineEngine } from '../../src/state-machine.js';
import { testManifest } from './fixtures.js';
import { loaded, snapshot } from './pixels.js';

// A canvas-style manifest: Red → Blue when the `happy` input is true, Blue → Red on a click.
function canvasManifest() {
  const manifest = testManifest();
  manifest.inputs = [{ name: 'happy', type: 'boolean', default: false }];
  manifest.transitions[0]!.conditions = [{ input: 'happy', op: '==', value: true }];
  manifest.transitions[1]!.conditions = [{ input: 'clicked', op: '==', value: true }];
  return manifest;
}

describe('the canvas state machine engine (masko-mascot/state-machine)', () => {
  const router = MaskoMascot.engine;
  before(() => (MaskoMascot.engine = stateMachineEngine));
  after(() => (MaskoMascot.engine = router));

  it('should follow inputs and clicks through their transition clips', async function () {
    this.timeout(20_000);
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = canvasManifest();
    await ready;

    const toBlue = oneEvent(el, 'masko-pose-change');
    const clip = oneEvent(el, 'masko-transition-start');
    el.setInput('happy', true);
    expect((await clip).detail).to.deep.equal({ from: 'Red', to: 'Blue' });
    expect((await toBlue).detail).to.deep.equal({ from: 'Red', to: 'Blue' });
    expect(snapshot(el).read(32, 24)[2], 'blue on screen').to.be.above(200);

    // Still happy, Red would lead straight back to Blue (conditions are checked on arrival).
    el.setInput('happy', false);
    const toRed = oneEvent(el, 'masko-pose-change');
    el.click();
    expect((await toRed).detail).to.deep.equal({ from: 'Blue', to: 'Red' });
    expect(el.getAttribute('pose')).to.equal('Red');
  });

  it('should route goTo() through the machine', async () => {
    const el = await fixture<MaskoMascot>(html`<masko-mascot loading="eager" renderer="webm" style="width: 64px"></masko-mascot>`);
    const ready = loaded(el);
    el.manifest = canvasManifest();
    await ready;
    const clip = oneEvent(el, 'masko-transition-start');
    await el.goTo('Blue');
    expect((await clip).detail.to).to.equal('Blue');
    expect(el.pose).to.equal('Blue');
  });
});
