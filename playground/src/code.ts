import type { MascotManifest } from 'masko-manifest';

/** The snippets shown under each part of the page: the code that reproduces it in your app. */
export function renderCode(manifest: MascotManifest): void {
  const [firstPose = 'Idle', secondPose = firstPose] = Object.keys(manifest.poses);
  const firstInput = manifest.inputs[0];
  const inputLine = firstInput
    ? firstInput.type === 'trigger'
      ? `mascot.fire('${firstInput.name}');`
      : `mascot.setInput('${firstInput.name}', ${firstInput.type === 'boolean' ? 'true' : '1'});`
    : '';
  document.getElementById('code-stage')!.textContent = `// vite.config.ts
import masko from 'unplugin-masko/vite';
export default { plugins: [masko({ mascots: { felix: { collection: '<collection id>' } } })] };

// main.ts
import 'masko-mascot';
import felix from 'virtual:masko/felix';   // pose names are literal types

const mascot = document.querySelector('masko-mascot')!;
mascot.manifest = felix;
await mascot.goTo('${secondPose}');             // resolves when '${secondPose}' is on screen
${inputLine}
mascot.addEventListener('masko-pose-change', (e) => console.log(e.detail.from, '→', e.detail.to));

<!-- index.html -->
<masko-mascot pose="${firstPose}" alt="${manifest.name}"></masko-mascot>`;

  document.getElementById('code-gallery')!.textContent = `<masko-mascot renderer="webm"></masko-mascot>     <!-- force one path; default "auto" -->
<masko-mascot renderer="stacked"></masko-mascot>
<masko-mascot renderer="hevc"></masko-mascot>
<masko-mascot renderer="image"></masko-mascot>

masko-mascot { width: 240px; }                    /* sized like an <img>; aspect-ratio comes from the manifest */
masko-mascot::part(media) { filter: drop-shadow(0 6px 8px #0003); }`;
}
