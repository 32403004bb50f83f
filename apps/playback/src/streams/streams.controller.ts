import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve, sep } from 'node:path';
import { Controller, Get, Header, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { Public } from '@mikasmissions/http';
import { InvalidStreamSignatureError, StreamNotFoundError } from '../playback.errors';
import { PLAYBACK_SETTINGS, type PlaybackSettings } from '../playback-settings';
import { SessionsRepository } from '../sessions/sessions.repository';
import { isStreamPath, RENDITION_DIR, signPlaylist, STREAM_FILE, StreamSigner } from './stream-signer';

const TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/iso.segment',
  '.mp4': 'video/mp4',
  '.aac': 'audio/aac',
};

/**
 * `GET /v1/playback/streams/{session_id}/{file}?exp=&sig=` and, for a session whose playlist is
 * an HLS master, `…/{rendition}/{file}` (the rendition folders it names): a session's playlists
 * and segments from MEDIA_STORE_DIR, relative to its playlist's folder. No bearer token (players
 * fetch segments bare; public at the gateway): the signature, over the path from that folder, is
 * the credential. Bad, expired or other-session/path signatures, names that are not plain (`..`,
 * leading dot) and ended sessions → 403 `invalid_stream_signature`; playlists come back with
 * every file they name signed.
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
  serve(
    @Param('sessionId') sessionId: string,
    @Param('file') file: string,
    @Query('exp') exp: unknown,
    @Query('sig') sig: unknown,
  ): Promise<StreamableFile> {
    return this.send(sessionId, file, exp, sig);
  }

  @Public()
  @Get(':sessionId/:rendition/:file')
  @Header('cache-control', 'private, no-store')
  serveRendition(
    @Param('sessionId') sessionId: string,
    @Param('rendition') rendition: string,
    @Param('file') file: string,
    @Query('exp') exp: unknown,
    @Query('sig') sig: unknown,
  ): Promise<StreamableFile> {
    if (!RENDITION_DIR.test(rendition) || !STREAM_FILE.test(file)) throw new InvalidStreamSignatureError();
    return this.send(sessionId, `${rendition}/${file}`, exp, sig);
  }

  private async send(sessionId: string, file: string, exp: unknown, sig: unknown): Promise<StreamableFile> {
    const nowSec = Math.floor(Date.now() / 1000);
    if (!isStreamPath(file) || !this.signer.verify(sessionId, file, exp, sig, nowSec)) throw new InvalidStreamSignatureError();
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
    const folder = file.includes('/') ? dirname(file) : '';
    const playlist = Buffer.from(signPlaylist(bytes.toString('utf8'), (name) => this.signer.query(sessionId, name, expiry), folder));
    return new StreamableFile(playlist, { type, length: playlist.length });
  }
}
