/** A video's frame size as ffprobe reads it: an independent parser to check ours against. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export async function ffprobe(path: string): Promise<{ width: number | undefined; height: number | undefined }> {
  const { stdout } = await promisify(execFile)('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=width,height',
    '-of',
    'csv=p=0',
    path,
  ]);
  const [width, height] = stdout.trim().split(',').map(Number);
  return { width, height };
}
