import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve, sep } from 'node:path';
import { Controller, Get, Header, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { Public } from '@mikasmissions/http';
import { InvalidStreamSignatureError, StreamNotFoundError } from '../playback.errors';
import { PLAYBACK_SETTINGS, type PlaybackSettings } from '../playback-settings';
import { SessionsRepository } from '../sessions/sessions.repository';
import { signPlaylist, STREAM_FILE, StreamSigner } from './stream-signer';

const TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.aac': 'audio/aac',
};

/**
 * `GET /v1/playback/streams/{session_id}/{file}?exp=&sig=`: a session's HLS playlist and
 * segments from MEDIA_STORE_DIR. No bearer token (players fetch segments bare; public at the
 * gateway): the signature is the credential. Bad, expired or other-session/file signatures and
 * ended sessions → 403 `invalid_stream_signature`; playlists come back with every segment signed.
 */
@Controller('playback/streams')
export class StreamsController {
  private readonly root: string;

  constructor(
    private readonly sessions: SessionsRepository,
    private readonly signer: StreamSigner,
    @Inject(PLAYBACK_SETTINGS) settings: PlaybackSettings,
  ) {
    this.root = resolve(settings.MEDIA_STORE_DIR);
  }

  @Public()
  @Get(':sessionId/:file')
  @Header('cache-control', 'private, no-store')
  async serve(
    @Param('sessionId') sessionId: string,
    @Param('file') file: string,
    @Query('exp') exp: unknown,
    @Query('sig') sig: unknown,
  ): Promise<StreamableFile> {
    const nowSec = Math.floor(Date.now() / 1000);
    if (!STREAM_FILE.test(file) || !this.signer.verify(sessionId, file, exp, sig, nowSec)) throw new InvalidStreamSignatureError();
    const session = await this.sessions.find(sessionId);
    if (!session || session.endedAt) throw new InvalidStreamSignatureError();
    const type = TYPES[extname(file).toLowerCase()];
    const dir = resolve(this.root, dirname(session.mediaKey));
    const path = resolve(dir, file);
    if (!type || !dir.startsWith(this.root + sep) || !path.startsWith(dir + sep)) throw new StreamNotFoundError();
    const bytes = await readFile(path).catch(() => {
      throw new StreamNotFoundError();
    });
    if (type !== TYPES['.m3u8']) return new StreamableFile(bytes, { type, length: bytes.length });
    const expiry = Number(exp);
    const playlist = Buffer.from(signPlaylist(bytes.toString('utf8'), (name) => this.signer.query(sessionId, name, expiry)));
    return new StreamableFile(playlist, { type, length: playlist.length });
  }
}
