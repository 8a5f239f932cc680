import felix from 'virtual:masko/felix';
import { MaskoMascot } from 'masko-mascot';
import { stateMachineEngine } from 'masko-mascot/state-machine';
import { renderCode } from './code.js';

type Format = 'webm' | 'hevc' | 'stacked' | 'image';

/** Where the build fetched the mascot from (set in vite.config.ts). */
declare const __MASKO_API__: string;

const hero = document.querySelector<MaskoMascot>('#hero')!;
const byId = (id: string) => document.getElementById(id)!;

/** Why the element would pick each format (engine + codec support, not canPlayType alone: packages/player/README.md, "Which file plays"). */
const WHY: Record<Format, string> = {
  webm: 'VP9 with alpha in WebM: this engine (Chromium, Firefox, or WebKitGTK without a stacked file) decodes its alpha side channel.',
  hevc: 'HEVC with alpha in QuickTime: an Apple WebKit engine (Safari, any iOS browser, WKWebView).',
  stacked: 'Colour and alpha stacked in one H.264 video, composited with WebGL: no native alpha codec here.',
  image: 'The transparent PNG: no alpha video here, reduced motion, or autoplay was refused.',
};
const FORMATS: Format[] = ['webm', 'stacked', 'hevc', 'image'];
const BACKGROUNDS = ['checker', 'white', 'dark', 'pink', 'green'] as const;

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

function renderPoses(): void {
  const container = byId('poses');
  for (const pose of Object.keys(felix.poses) as (keyof typeof felix.poses)[]) {
    // A later click supersedes this one (AbortError); other failures show in the events list (masko-error).
    container.append(button(pose, () => hero.goTo(pose).catch(() => {})));
  }
}

function renderInputs(): void {
  const container = byId('inputs');
  if (felix.inputs.length === 0) container.textContent = 'This mascot has no canvas inputs.';
  for (const input of felix.inputs) {
    if (input.type === 'trigger') {
      container.append(button(`fire ${input.name}`, () => hero.fire(input.name)));
      continue;
    }
    const label = document.createElement('label');
    const field = document.createElement('input');
    if (input.type === 'boolean') {
      field.type = 'checkbox';
      field.checked = input.default === true;
      field.addEventListener('change', () => hero.setInput(input.name, field.checked));
    } else {
      field.type = 'number';
      field.value = String(input.default ?? 0);
      field.addEventListener('input', () => hero.setInput(input.name, Number(field.value)));
    }
    label.append(field, document.createTextNode(input.name));
    container.append(label);
  }
}

function renderPicked(): void {
  const source = hero.currentSource;
  const rows: [string, string][] = source
    ? [
        ['format', source.format],
        ['file', `${source.width}×${source.height}  ${source.url.split('/').pop()}`],
        ['rendered', `${Math.round(hero.clientWidth)} CSS px × DPR ${devicePixelRatio}`],
        ['why', WHY[source.format]],
      ]
    : [['format', 'loading…']];
  const list = byId('picked');
  list.replaceChildren();
  for (const [term, detail] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = detail;
    list.append(dt, dd);
  }
}

function logEvent(event: Event): void {
  const detail = (event as CustomEvent).detail;
  const item = document.createElement('li');
  item.textContent = `${event.type}${detail ? ` ${JSON.stringify(detail)}` : ''}`;
  const list = byId('events');
  list.prepend(item);
  while (list.children.length > 40) list.lastElementChild!.remove();
  // currentSource settles once the new layer is revealed, just after the event.
  if (event.type === 'masko-pose-change' || event.type === 'masko-load') requestAnimationFrame(renderPicked);
  if (event.type === 'masko-pose-change') updatePressed(String(detail?.to ?? hero.pose));
}

function updatePressed(pose: string): void {
  for (const element of byId('poses').querySelectorAll('button')) {
    element.setAttribute('aria-pressed', String(element.textContent === pose));
  }
}

function renderGallery(): void {
  const gallery = byId('gallery');
  for (const format of FORMATS) {
    const tile = document.createElement('figure');
    tile.className = 'tile';
    tile.dataset.bg = 'checker';
    const surface = document.createElement('div');
    surface.className = 'surface';
    const mascot = document.createElement('masko-mascot') as MaskoMascot;
    mascot.setAttribute('renderer', format);
    mascot.setAttribute('alt', `${felix.name} as ${format}`);
    mascot.manifest = felix;
    surface.append(mascot);
    const caption = document.createElement('p');
    caption.textContent = format;
    const note = document.createElement('small');
    note.textContent = format === 'hevc' ? 'The demo lists no HEVC (no encoder here makes HEVC with alpha), so this tile shows the poster.' : WHY[format];
    caption.append(note);
    mascot.addEventListener('masko-error', (event) => {
      // The element keeps the poster up and says why the clip could not play.
      note.textContent = `Not playable in this browser, poster shown: ${event.detail.message}`;
    });
    tile.append(surface, caption);
    gallery.append(tile);
  }
  const backgrounds = byId('backgrounds');
  for (const background of BACKGROUNDS) {
    const control = button(background, () => {
      for (const tile of gallery.querySelectorAll<HTMLElement>('.tile')) tile.dataset.bg = background;
      for (const other of backgrounds.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === control));
    });
    control.setAttribute('aria-pressed', String(background === 'checker'));
    backgrounds.append(control);
  }
}

byId('mascot-name').textContent = felix.name;
byId('api-source').textContent = __MASKO_API__;
// The canvas's inputs and built-in clicked/mouseOver need the state machine engine (opt-in).
if (felix.inputs.length > 0) MaskoMascot.engine = stateMachineEngine;
hero.manifest = felix;
hero.setAttribute('alt', `${felix.name}, the demo mascot`);
for (const type of ['masko-load', 'masko-error', 'masko-pose-change', 'masko-transition-start', 'masko-transition-end', 'masko-loop', 'masko-input-change']) {
  hero.addEventListener(type, logEvent);
}
new ResizeObserver(renderPicked).observe(hero);
renderPoses();
renderInputs();
renderGallery();
renderPicked();
renderCode(felix);
