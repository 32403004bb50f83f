import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { Roles } from '@mikasmissions/service-identity';
import { PLAYBACK_SETTINGS, type PlaybackSettings } from '../playback-settings';
import { parseHeartbeat, parseStartSession } from './dto/start-session.request';
import { PlaybackHeartbeatService, type HeartbeatResponse } from './playback-heartbeat.service';
import { PlaybackStartService, type StartSessionResponse } from './playback-start.service';

type HostRequest = { headers: Record<string, string | string[] | undefined> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();

/** `POST /v1/playback/sessions` and `POST /v1/playback/sessions/{id}/heartbeat` (thin: parse, delegate). */
@Controller('playback/sessions')
@Roles('parent', 'child', 'service')
export class SessionsController {
  constructor(
    private readonly starts: PlaybackStartService,
    private readonly heartbeats: PlaybackHeartbeatService,
    @Inject(PLAYBACK_SETTINGS) private readonly settings: PlaybackSettings,
  ) {}

  @Post()
  @HttpCode(201)
  start(@Body() body: unknown, @Req() req: HostRequest): Promise<StartSessionResponse> {
    return this.starts.start(parseStartSession(body), this.origin(req));
  }

  @Post(':id/heartbeat')
  @HttpCode(200)
  heartbeat(@Param('id') id: string, @Body() body: unknown): Promise<HeartbeatResponse> {
    parseHeartbeat(body);
    return this.heartbeats.beat(id);
  }

  /** `PLAYBACK_PUBLIC_URL`, else the origin the request came to (`x-forwarded-*` of the gateway, else `host`). */
  private origin(req: HostRequest): string {
    if (this.settings.PLAYBACK_PUBLIC_URL) return this.settings.PLAYBACK_PUBLIC_URL;
    const host = first(req.headers['x-forwarded-host']) ?? first(req.headers.host) ?? '127.0.0.1:8085';
    const proto = first(req.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
    return `${proto}://${/^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : '127.0.0.1:8085'}`;
  }
}
