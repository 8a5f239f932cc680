// Draws Felix the Fox as an SVG string, in a 480x480 artwork space, on a transparent background.
// Flat cartoon style with a thick dark outline: the outline also hides the dark fringe that
// chroma subsampling and stacked-alpha compositing leave along alpha edges.
import type { Arm, FoxPose } from './pose.js';

export const ARTWORK = 480;

const C = {
  fur: '#f28c28',
  furShade: '#d9721b',
  cream: '#fff6ea',
  outline: '#4a2511',
  dark: '#5b2e16',
  innerEar: '#ffd3bd',
  nose: '#2b1a12',
  blush: '#ff7a7a',
  mouth: '#7a2a1c',
  tongue: '#ff8f8f',
  sparkle: '#ffd84d',
  bean: '#c98a6b',
  brow: '#8a4a22',
};

/** Numbers rounded to 0.01 so the same pose always gives the same bytes. */
const n = (v: number): string => String(Math.round(v * 100) / 100 + 0);
const rad = (deg: number): number => (deg * Math.PI) / 180;
const stroke = (width: number, color = C.outline): string => `stroke="${color}" stroke-width="${width}" stroke-linejoin="round" stroke-linecap="round"`;

const UPPER_ARM = 54;
const FOREARM = 50;

function arm(side: -1 | 1, a: Arm): string {
  const sx = 240 + side * 60;
  const sy = 302;
  const ex = sx + side * Math.sin(rad(a.shoulder)) * UPPER_ARM;
  const ey = sy + Math.cos(rad(a.shoulder)) * UPPER_ARM;
  const fore = a.shoulder + a.elbow;
  const px = ex + side * Math.sin(rad(fore)) * FOREARM;
  const py = ey + Math.cos(rad(fore)) * FOREARM;
  const limb = `M${n(sx)} ${n(sy)} L${n(ex)} ${n(ey)} L${n(px)} ${n(py)}`;
  const parts = [`<path d="${limb}" fill="none" ${stroke(38)}/>`, `<path d="${limb}" fill="none" ${stroke(28, C.fur)}/>`];
  if (a.thumb > 0.02) {
    const top = py - 14 - 22 * a.thumb;
    const thumb = `M${n(px - 4)} ${n(py - 6)} L${n(px - 4)} ${n(top)}`;
    parts.push(`<path d="${thumb}" fill="none" ${stroke(22)}/>`);
    parts.push(`<circle cx="${n(px)}" cy="${n(py)}" r="18" fill="${C.dark}" ${stroke(5)}/>`);
    parts.push(`<path d="${thumb}" fill="none" ${stroke(12, C.dark)}/>`);
    // knuckle lines make the paw read as a fist
    parts.push(`<path d="M${n(px + 2)} ${n(py - 4)} h12 M${n(px + 2)} ${n(py + 5)} h11" fill="none" ${stroke(2.5, '#8a5232')}/>`);
  } else {
    parts.push(`<circle cx="${n(px)}" cy="${n(py)}" r="18" fill="${C.dark}" ${stroke(5)}/>`);
    // toe beans, turned to follow the forearm
    parts.push(
      `<g transform="translate(${n(px)} ${n(py)}) rotate(${n(-side * fore + 180 * (Math.cos(rad(fore)) < 0 ? 1 : 0))})">`
        + `<ellipse cx="0" cy="3" rx="7" ry="6" fill="${C.bean}"/>`
        + `<circle cx="-8" cy="-6" r="3.2" fill="${C.bean}"/><circle cx="0" cy="-9" r="3.2" fill="${C.bean}"/>`
        + `<circle cx="8" cy="-6" r="3.2" fill="${C.bean}"/></g>`,
    );
  }
  return parts.join('');
}

function ear(side: -1 | 1, twitch: number): string {
  const m = (x: number): number => 240 + side * (x - 240);
  const d = `M${m(150)} 138 L${m(132)} 42 L${m(214)} 102 Z`;
  const inner = `M${m(160)} 124 L${m(147)} 66 L${m(198)} 106 Z`;
  const id = `ear${side < 0 ? 'L' : 'R'}`;
  return (
    `<g transform="rotate(${n(side * twitch)} ${m(175)} 118)">`
    + `<clipPath id="${id}"><path d="${d}"/></clipPath>`
    + `<path d="${d}" fill="${C.fur}"/>`
    + `<path d="${inner}" fill="${C.innerEar}"/>`
    + `<circle cx="${m(132)}" cy="42" r="34" fill="${C.dark}" clip-path="url(#${id})"/>`
    + `<path d="${d}" fill="none" ${stroke(6)}/></g>`
  );
}

function eye(cx: number, p: FoxPose): string {
  const x = cx + p.lookX * 6;
  const y = 186 + p.lookY * 6;
  if (p.blink > 0.8) return `<path d="M${n(x - 15)} ${n(y + 2)} Q${n(x)} ${n(y + 10)} ${n(x + 15)} ${n(y + 2)}" fill="none" ${stroke(5, C.nose)}/>`;
  const ry = 22 * (1 - p.blink) + 2;
  const parts = [`<ellipse cx="${n(x)}" cy="${n(y)}" rx="17" ry="${n(ry)}" fill="${C.nose}"/>`];
  if (p.blink < 0.4) {
    parts.push(`<circle cx="${n(x + 5 + p.lookX * 2)}" cy="${n(y - ry * 0.4)}" r="6" fill="#fff"/>`);
    parts.push(`<circle cx="${n(x - 6)}" cy="${n(y + ry * 0.45)}" r="2.5" fill="#fff"/>`);
  }
  return parts.join('');
}

function brow(cx: number, raise: number): string {
  const y = 154 - raise * 9;
  return `<path d="M${n(cx - 10)} ${n(y + 2)} Q${n(cx)} ${n(y - 3 - raise * 4)} ${n(cx + 10)} ${n(y + 2)}" fill="none" ${stroke(4, C.brow)}/>`;
}

function mouth(grin: number): string {
  const smile = `<path d="M222 244 Q231 254 240 243 Q249 254 258 244" fill="none" ${stroke(4.5, C.outline)}/>`;
  if (grin < 0.05) return smile;
  const h = 26 * grin;
  const open = `M220 246 Q240 ${n(246 + h * 2)} 260 246 Q240 ${n(252 - h * 0.2)} 220 246 Z`;
  return (
    `<clipPath id="mouth"><path d="${open}"/></clipPath>`
    + `<path d="${open}" fill="${C.mouth}"/>`
    + `<ellipse cx="240" cy="${n(246 + h * 1.25)}" rx="12" ry="${n(4 + h * 0.35)}" fill="${C.tongue}" clip-path="url(#mouth)"/>`
    + `<path d="${open}" fill="none" ${stroke(4.5)}/>`
  );
}

function head(p: FoxPose): string {
  const face =
    'M240 92 C310 92 350 128 356 176 L382 214 L352 222 C338 264 292 290 240 290 ' + 'C188 290 142 264 128 222 L98 214 L124 176 C130 128 170 92 240 92 Z';
  const muzzle = 'M126 222 C160 208 206 202 240 224 C274 202 320 208 354 222 C338 264 292 290 240 290 C188 290 142 264 126 222 Z';
  return (
    `<g transform="rotate(${n(p.headTilt)} 240 288)">`
    + ear(-1, p.earTwitch)
    + ear(1, 0)
    + `<clipPath id="face"><path d="${face}"/></clipPath>`
    + `<path d="${face}" fill="${C.fur}"/>`
    + `<path d="${muzzle}" fill="${C.cream}" clip-path="url(#face)"/>`
    + `<path d="${face}" fill="none" ${stroke(6)}/>`
    + `<ellipse cx="163" cy="232" rx="16" ry="9" fill="${C.blush}" opacity="0.45"/>`
    + `<ellipse cx="317" cy="232" rx="16" ry="9" fill="${C.blush}" opacity="0.45"/>`
    + brow(196, p.browLeft)
    + brow(284, p.browRight)
    + eye(196, p)
    + eye(284, p)
    + '<path d="M227 222 Q240 217 253 222 Q249 234 240 236 Q231 234 227 222 Z" fill="#2b1a12" stroke="#2b1a12" stroke-width="3" stroke-linejoin="round"/>'
    + '<ellipse cx="236" cy="223" rx="4" ry="2" fill="#fff" opacity="0.7"/>'
    + mouth(p.grin)
    + '</g>'
  );
}

function tail(sway: number): string {
  const d = 'M296 404 C360 420 436 384 444 300 C448 252 424 214 396 200 C406 252 384 312 300 364 Z';
  return (
    `<g transform="rotate(${n(sway)} 300 390)">`
    + `<clipPath id="tail"><path d="${d}"/></clipPath>`
    + `<path d="${d}" fill="${C.fur}"/>`
    + `<circle cx="424" cy="214" r="52" fill="${C.cream}" clip-path="url(#tail)"/>`
    + `<path d="${d}" fill="none" ${stroke(6)}/></g>`
  );
}

/** The cream chest and belly, with a fluffy zigzag under the chin. */
function chestTuft(breathe: number): string {
  const w = 50 + breathe * 2;
  return (
    `M${n(240 - w)} 350 C${n(240 - w)} 318 ${n(240 - w * 0.7)} 296 ${n(240 - w * 0.55)} 290 `
    + `L${n(240 - w * 0.3)} 304 L240 288 L${n(240 + w * 0.3)} 304 L${n(240 + w * 0.55)} 290 `
    + `C${n(240 + w * 0.7)} 296 ${n(240 + w)} 318 ${n(240 + w)} 350 C${n(240 + w)} 392 ${n(240 + w * 0.55)} 420 240 420 `
    + `C${n(240 - w * 0.55)} 420 ${n(240 - w)} 392 ${n(240 - w)} 350 Z`
  );
}

function body(breathe: number): string {
  const rx = 78 + breathe * 3;
  return (
    `<ellipse cx="200" cy="432" rx="30" ry="15" fill="${C.dark}" ${stroke(5)}/>`
    + `<ellipse cx="280" cy="432" rx="30" ry="15" fill="${C.dark}" ${stroke(5)}/>`
    + `<ellipse cx="240" cy="350" rx="${n(rx)}" ry="${n(82 + breathe * 1.5)}" fill="${C.fur}" ${stroke(6)}/>`
    + `<path d="${chestTuft(breathe)}" fill="${C.cream}"/>`
  );
}

function thoughtDots(o: [number, number, number]): string {
  const dots: [number, number, number][] = [
    [392, 140, 8],
    [416, 100, 12],
    [446, 52, 18],
  ];
  return dots.map(([x, y, r], i) => (o[i]! > 0.01 ? `<circle cx="${x}" cy="${y}" r="${r}" fill="#fff" ${stroke(3)} opacity="${n(o[i]!)}"/>` : '')).join('');
}

function sparkle(s: number): string {
  if (s < 0.02) return '';
  const r = 24 * s;
  const star = `M0 ${n(-r)} Q0 0 ${n(r)} 0 Q0 0 0 ${n(r)} Q0 0 ${n(-r)} 0 Q0 0 0 ${n(-r)} Z`;
  return `<g transform="translate(426 224)"><path d="${star}" fill="${C.sparkle}" ${stroke(2.5)}/></g>`;
}

/** Two arcs on the outer side of the waving paw. */
function waveLines(o: number): string {
  if (o < 0.02) return '';
  return `<path d="M72 214 Q56 240 72 266 M54 224 Q43 242 54 260" fill="none" ${stroke(4.5)} opacity="${n(o)}"/>`;
}

/** The SVG of one frame, rasterised at `size` x `size` px. */
export function foxSvg(p: FoxPose, size: number): string {
  const lift = Math.max(0, -p.bob);
  const shadow = `<ellipse cx="240" cy="448" rx="${n(104 - lift * 1.5)}" ry="${n(13 - lift * 0.15)}" fill="#000" opacity="${n(0.22 - lift * 0.006)}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${ARTWORK} ${ARTWORK}">`
    + shadow
    + `<g transform="translate(0 ${n(p.bob)})">`
    + tail(p.tail)
    + body(p.breathe)
    + head(p)
    + arm(-1, p.leftArm)
    + arm(1, p.rightArm)
    + thoughtDots(p.thoughts)
    + sparkle(p.sparkle)
    + waveLines(p.waveLines)
    + '</g></svg>'
  );
}
