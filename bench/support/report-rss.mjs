// Preloaded with `node --import` into a measured process: at exit, writes its peak resident set size
// (bytes) to $BENCH_RSS_FILE. process.resourceUsage().maxRSS is the kernel's high-water mark (VmHWM).
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
