// Drives the elements once they play: pose changes through every path the page API offers.
const ready = (el) =>
  new Promise((resolve) => {
    if (el.currentSource) return resolve();
    el.addEventListener('masko-load', () => resolve(), { once: true });
  });
await customElements.whenDefined('masko-mascot');
const playing = [...document.querySelectorAll('masko-mascot:not(#broken)')];
await Promise.all(playing.map(ready));
await Promise.all(playing.map((el) => el.goTo('Wave')));
playing[0].setAttribute('pose', 'Thinking');
await new Promise((r) => setTimeout(r, 300));
await Promise.all(playing.map((el) => el.goTo('Idle')));
window.driven = playing.map((el) => ({ id: el.id, format: el.currentSource?.format }));
