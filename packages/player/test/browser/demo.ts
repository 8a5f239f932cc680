import type { MediaClip, MediaIndex } from 'masko-emulator';
import type { MascotManifest, Media, Variant } from 'masko-manifest';

/** The demo mascot the emulator serves (packages/emulator/media, indexed by demo.json). */
export const DEMO = '/packages/emulator/media/';

/** A clip of demo.json: the emulator's own type, with every file's facts present. */
type DemoClip = MediaClip & Required<Pick<MediaClip, 'meta'>>;

/** A small manifest built from demo.json, as the plugin would write it (every size variant). */
export async function demoManifest(): Promise<MascotManifest> {
  const demo = (await (await fetch(`${DEMO}demo.json`)).json()) as Omit<MediaIndex, 'clips'> & { clips: DemoClip[] };
  const variants = (clip: DemoClip, kind: keyof MediaClip['files']): Variant[] =>
    Object.values(clip.files[kind] ?? {})
      .map((file) => ({ url: `${DEMO}${file}`, type: clip.meta[file]!.mime, width: clip.meta[file]!.width, height: clip.meta[file]!.height }))
      .sort((a, b) => a.width - b.width);
  const media = (clip: DemoClip): Media => ({ webm: variants(clip, 'webm'), hevc: variants(clip, 'hevc'), stacked: variants(clip, 'stacked_video') });
  const poses: MascotManifest['poses'] = {};
  for (const clip of demo.clips.filter((c) => c.kind === 'pose')) {
    poses[clip.pose!] = {
      loop: clip.loop,
      duration: clip.duration,
      aspect: demo.width / demo.height,
      poster: variants(clip, 'transparent_image'),
      media: media(clip),
    };
  }
  const transitions = demo.clips
    .filter((c) => c.kind === 'transition')
    .map((c) => ({ from: c.from!, to: c.to!, duration: c.duration, media: media(c), conditions: [] }));
  return { version: 1, name: demo.character, initial: 'Idle', poses, transitions, inputs: [] };
}
