#!/usr/bin/env node
// Prints the headline of every bench/results/*.json as a Markdown table (for docs/performance.md):
// `node bench/support/summary.mjs`.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../results/', import.meta.url));
const ORDER = ['size', 'pose-switch', 'compositing', 'bytes', 'cold-sync', 'warm-build', 'memory', 'generation'];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function headlineOf(name, data) {
  if (data.headline) return data.headline;
  if (name === 'size') {
    const [ours, ...others] = data.rows;
    const named = (prefix) => others.find((r) => r.name.startsWith(prefix));
    return {
      figure: 'Weight, min + gzip (brotli)', ours: `${kb(ours.gzip)} (${kb(ours.brotli)})`,
      baseline: `lottie-web ${kb(named('lottie-web').gzip)}; dotlottie-wc ${kb(named('@lottiefiles').gzip)} + WASM; Rive ${kb(named('@rive-app').gzip)} + WASM`,
      ratio: `${(named('lottie-web').gzip / ours.gzip).toFixed(1)}x / ${(named('@lottiefiles').gzip / ours.gzip).toFixed(1)}x / ${(named('@rive-app').gzip / ours.gzip).toFixed(1)}x smaller (JS only)`,
      target: `≤ ${kb(data.targetGzip)} gzip`, met: data.withinTarget,
    };
  }
  // A benchmark of another shape (e.g. soak.mjs): its name, and a verdict when it gives one.
  const met = data.met ?? (Array.isArray(data.over) ? data.over.length === 0 : undefined);
  return { figure: name, ours: '', baseline: '', ratio: '', target: '', met };
}

const names = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''))
  .sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99));
console.log('| # | figure | ours | baseline(s), same run | ratio | target | met |');
console.log('|---|---|---|---|---|---|---|');
names.forEach((name, i) => {
  const data = JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8'));
  const h = headlineOf(name, data);
  const cell = (s) => String(s).replaceAll('|', '\\|').replaceAll('<', '&lt;');
  console.log(`| ${i + 1} | ${cell(h.figure)} ([${name}](../bench/results/${name}.json)) | ${cell(h.ours)} | ${cell(h.baseline)} | ${cell(h.ratio)} | ${cell(h.target)} | ${h.met === undefined ? 'n/a' : h.met ? 'yes' : '**no**'} |`);
});
const first = JSON.parse(readFileSync(`${dir}${names[0]}.json`, 'utf8'));
const { machine } = first;
const dates = names.map((name) => JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')).machine.date).sort();
console.log(`\nRun ${dates[0]} – ${dates.at(-1)} on ${machine.cpuModel}, ${machine.cpus} cores, ${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.node}` +
  (first.source ? `, commit ${first.source.commit}${first.source.uncommittedPackageFiles ? ` (+${first.source.uncommittedPackageFiles} uncommitted package files)` : ''}.` : '.'));
