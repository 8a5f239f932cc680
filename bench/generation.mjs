#!/usr/bin/env node
import { createMaskoClient } from 'masko-client';
// Generation wall time: `masko sync` (the real CLI) with 10 declared poses missing from the collection,
// against an emulator whose jobs take 2 s, then downloading them (WebM, 160 px). Baselines in the same
// run: the same 10 generations one at a time with masko-client (generate, wait, next), whose first job
// is also "a single job's time"; and `masko sync` with one missing pose (the CLI's fixed costs). The CLI
// talks through a zero-latency logging proxy, so its generation phase (first generate POST to the last
// job answer) is timed apart from start-up, listing and downloads.
// Writes bench/results/generation.json.
import { DEMO, startEmulator } from 'masko-emulator';
import { printTable, record, summarize, versionOf } from './lib.mjs';
import { KEY, masko, project } from './support/cli.mjs';
import { startLatencyProxy } from './support/latency-proxy.mjs';

const JOB_DELAY_MS = 2000;
const POSES = 10;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const TARGET_OVER_SINGLE = 1.5;
const DURATION = 2;

const emulator = await startEmulator({ port: 0, rateLimit: false, jobDelayMs: JOB_DELAY_MS, credits: 100_000 });
const proxy = await startLatencyProxy(emulator, { latencyMs: 0 });
let tag = 0;
const names = (n) => {
  tag++;
  return Array.from({ length: n }, (_, i) => `Bench ${tag}-${i} wave`);
};
const config = (poseNames) => ({
  generate: { maxCredits: 10_000 },
  mascots: {
    felix: {
      collection: DEMO.collectionId,
      include: [],
      formats: ['webm'],
      sizes: [160],
      poses: Object.fromEntries(poseNames.map((name) => [name, { image: 'the fox, waving', animation: 'waves a paw', duration: DURATION }])),
    },
  },
});

async function syncWith(n) {
  const app = await project(config(names(n)));
  try {
    const before = proxy.log.length;
    const result = await masko('sync', app.root, proxy.apiUrl);
    if (!/credits spent [1-9]/.test(result.output)) throw new Error(`generation: sync spent nothing:\n${result.output}`);
    const log = proxy.log.slice(before);
    const posts = log.filter((r) => r.method === 'POST' && r.path.includes('/generate'));
    const jobs = log.filter((r) => r.method === 'GET' && r.path.includes('/jobs/'));
    return {
      wallMs: result.wallMs,
      generationMs: Math.max(...jobs.map((r) => r.end)) - Math.min(...posts.map((r) => r.start)),
      posts: posts.length,
      jobPolls: jobs.length,
    };
  } finally {
    await app.remove();
  }
}

async function oneAtATime(n) {
  const client = createMaskoClient({ apiKey: KEY, apiUrl: emulator.apiUrl });
  const times = [];
  try {
    for (const name of names(n)) {
      const started = performance.now();
      const job = await client.generate(DEMO.collectionId, {
        type: 'animation',
        name,
        image_prompt: 'the fox, waving',
        animation_prompt: 'waves a paw',
        duration: DURATION,
        loop: true,
        sizes: [160],
      });
      await client.waitForJob(job.job_id);
      times.push(performance.now() - started);
    }
  } finally {
    await client.close();
  }
  return times;
}

const ten = [];
const one = [];
let sequential = [];
try {
  for (let i = 0; i < REPEATS; i++) {
    ten.push(await syncWith(POSES));
    one.push(await syncWith(1));
  }
  sequential = await oneAtATime(POSES);
} finally {
  await proxy.close();
  await emulator.close();
}

const single = summarize(sequential); // each one-at-a-time job is one single job's time
const sequentialTotal = sequential.reduce((a, b) => a + b, 0);
const ours = summarize(ten.map((r) => r.wallMs));
const oursOne = summarize(one.map((r) => r.wallMs));
const phase = summarize(ten.map((r) => r.generationMs));
const phaseOne = summarize(one.map((r) => r.generationMs));
printTable([
  {
    what: `masko sync, ${POSES} missing poses`,
    'median ms': ours.median.toFixed(0),
    'x single job': (ours.median / single.median).toFixed(2),
    'x one at a time': (ours.median / sequentialTotal).toFixed(2),
  },
  {
    what: '  of which generation (first POST to last job answer)',
    'median ms': phase.median.toFixed(0),
    'x single job': (phase.median / single.median).toFixed(2),
    'x one at a time': (phase.median / sequentialTotal).toFixed(2),
  },
  {
    what: 'masko sync, 1 missing pose',
    'median ms': oursOne.median.toFixed(0),
    'x single job': (oursOne.median / single.median).toFixed(2),
    'x one at a time': (oursOne.median / sequentialTotal).toFixed(2),
  },
  {
    what: `one at a time (client), ${POSES} jobs`,
    'median ms': sequentialTotal.toFixed(0),
    'x single job': (sequentialTotal / single.median).toFixed(2),
    'x one at a time': '1.00',
  },
  {
    what: 'single job (client: generate + wait)',
    'median ms': single.median.toFixed(0),
    'x single job': '1.00',
    'x one at a time': (single.median / sequentialTotal).toFixed(2),
  },
]);
const met = ours.median <= TARGET_OVER_SINGLE * single.median;
console.log(`\njob delay ${JOB_DELAY_MS} ms; ${ten[0].posts} generate POST(s), ${ten[0].jobPolls} job requests for ${POSES} poses`);
console.log(
  `target: ${POSES} poses (whole sync) ≤ ${TARGET_OVER_SINGLE}x a single job (${(ours.median / single.median).toFixed(2)}x): ${met ? 'met' : 'MISSED'}; generation phase alone ${(phase.median / single.median).toFixed(2)}x`,
);
console.log(`sync with ${POSES} vs sync with 1 (the CLI's fixed costs cancel): ${(ours.median / oursOne.median).toFixed(2)}x`);
record('generation', {
  headline: {
    figure: `Generation, ${POSES} missing poses, ${JOB_DELAY_MS / 1000} s jobs`,
    ours: `${ours.median.toFixed(0)} ms (generation phase ${phase.median.toFixed(0)} ms)`,
    baseline: `single job ${single.median.toFixed(0)} ms; one at a time ${sequentialTotal.toFixed(0)} ms`,
    ratio: `${(ours.median / single.median).toFixed(2)}x single; ${(sequentialTotal / ours.median).toFixed(1)}x faster than one at a time`,
    target: `≤ ${TARGET_OVER_SINGLE}x single job`,
    met,
  },
  unit: 'ms',
  jobDelayMs: JOB_DELAY_MS,
  poses: POSES,
  versions: { 'unplugin-masko': versionOf('unplugin-masko'), 'masko-client': versionOf('masko-client'), 'masko-emulator': versionOf('masko-emulator') },
  targets: { overSingleJob: TARGET_OVER_SINGLE },
  met,
  summary: {
    syncTen: ours,
    syncOne: oursOne,
    generationPhaseTen: phase,
    generationPhaseOne: phaseOne,
    singleJob: single,
    oneAtATimeTotalMs: sequentialTotal,
    tenOverSingleJob: ours.median / single.median,
    tenOverSyncOne: ours.median / oursOne.median,
    oneAtATimeOverTen: sequentialTotal / ours.median,
  },
  samples: { syncTen: ten, syncOne: one, oneAtATime: sequential },
});
