import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { demoEpisodes } from './demo-catalog';
import { generateDemoMedia } from './demo-media';

/** The demo episode dev:local's walkthrough plays; memory mode makes sure its clip exists. */
export const DEMO_PLAYABLE_EPISODE = 'ep-demo-1';

/**
 * Memory mode's start: writes the HLS clip and thumbnail of {@link DEMO_PLAYABLE_EPISODE} into
 * the media store (`MEDIA_STORE_DIR`, where playback serves streams from) unless they are there,
 * so a fresh checkout can play it without `pnpm run seed:catalog`. Never fails the start:
 * without ffmpeg it logs a warning naming the seed command. Resolves to whether it generated.
 */
export async function ensureDemoClip(mediaStoreDir: string, logger = new Logger('DemoMedia')): Promise<boolean> {
  const dir = resolve(mediaStoreDir);
  const episode = demoEpisodes().find((e) => e.episodeId === DEMO_PLAYABLE_EPISODE);
  if (!episode) return false;
  try {
    const made = (await generateDemoMedia(dir, [episode])) > 0;
    if (made) logger.log(`generated the ${DEMO_PLAYABLE_EPISODE} demo clip in ${dir} (pnpm run seed:catalog writes all 30)`);
    return made;
  } catch (error) {
    logger.warn(
      `could not generate the ${DEMO_PLAYABLE_EPISODE} demo clip in ${dir} (${(error as Error).message}); run pnpm run seed:catalog`,
    );
    return false;
  }
}
