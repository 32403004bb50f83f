import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Controller, Get, Inject, Param, Res, StreamableFile } from '@nestjs/common';
import { Public } from '@mikasmissions/http';
import { EpisodeSource } from '../family/family.ports';
import { InvalidStreamSignatureError, MediaNotFoundError } from '../playback.errors';
import { PLAYBACK_SETTINGS, type PlaybackSettings } from '../playback-settings';
import { STREAM_FILE } from './stream-signer';

const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** HLS files: only a session's signed `stream_url` serves them. */
const STREAM_EXTENSIONS = new Set(['.m3u8', '.ts', '.m4s', '.mp4', '.aac']);

const EPISODE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A reply either adapter hands a passthrough handler (Express and Fastify both have `header`). */
interface HeaderReply {
  header(name: string, value: string): unknown;
}

/**
 * `GET /v1/playback/media/episodes/{episode_id}/{file}`: a published episode's thumbnail from
 * `MEDIA_STORE_DIR/episodes/<episode_id>/`, where catalog's `thumbnail_url`
 * (`<MEDIA_BASE>/<storage_key>`) points. Public, because an `<img>` sends no bearer token; only
 * images of episodes catalog has published and playback-ready are served (404 `media_not_found`
 * otherwise), and playlists or segments are refused with 403 `invalid_stream_signature`, so the
 * signed session URLs stay the only way to a stream. Only an image answer is publicly cacheable
 * (5 min), so a thumbnail refused before its episode was published is not cached.
 */
@Controller('playback/media/episodes')
export class EpisodeMediaController {
  private readonly root: string;

  constructor(
    private readonly episodes: EpisodeSource,
    @Inject(PLAYBACK_SETTINGS) settings: PlaybackSettings,
  ) {
    this.root = resolve(settings.MEDIA_STORE_DIR);
  }

  @Public()
  @Get(':episodeId/:file')
  async serve(
    @Param('episodeId') episodeId: string,
    @Param('file') file: string,
    @Res({ passthrough: true }) reply: HeaderReply,
  ): Promise<StreamableFile> {
    const extension = extname(file).toLowerCase();
    if (STREAM_EXTENSIONS.has(extension))
      throw new InvalidStreamSignatureError('streams are served only through the signed stream_url of a playback session');
    const type = IMAGE_TYPES[extension];
    if (!type || !STREAM_FILE.test(file) || !EPISODE_ID.test(episodeId)) throw new MediaNotFoundError();
    const episode = await this.episodes.find(episodeId);
    if (!episode?.playable) throw new MediaNotFoundError();
    const dir = resolve(this.root, 'episodes', episodeId);
    const path = resolve(dir, file);
    if (!dir.startsWith(this.root + sep) || !path.startsWith(dir + sep)) throw new MediaNotFoundError();
    const bytes = await readFile(path).catch(() => {
      throw new MediaNotFoundError();
    });
    reply.header('cache-control', 'public, max-age=300');
    return new StreamableFile(bytes, { type, length: bytes.length });
  }
}
