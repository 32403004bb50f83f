import { Inject, Injectable } from '@nestjs/common';
import type { Schema } from '@mikasmissions/contracts-api';
import { RequestContext } from '@mikasmissions/context';
import { PlaybackSessionStarted } from '@mikasmissions/contracts-events';
import { EventPublisher } from '@mikasmissions/messaging';
import { EpisodeSource, Entitlements, GateTokens, UsageSource } from '../family/family.ports';
import {
  AutoplayBlockedError,
  BedtimeActiveError,
  EntitlementRequiredError,
  EpisodeNotAllowedError,
  EpisodeNotFoundError,
  ParentGateRequiredError,
  SessionCapReachedError,
} from '../playback.errors';
import { PLAYBACK_SETTINGS, type PlaybackSettings } from '../playback-settings';
import { StreamSigner } from '../streams/stream-signer';
import type { StartSessionRequest } from './dto/start-session.request';
import { FamilyAccess } from './family-access';
import { bedtimeNow, dayBudget, episodeRefusal } from './playback-rules';
import { SessionsRepository } from './sessions.repository';

/** The start answer (the contract's CreatePlaybackSessionResponse). */
export type StartSessionResponse = Schema<'CreatePlaybackSessionResponse'>;

/**
 * Starts playback sessions, checking in the seed's order (validation happened before):
 * ownership; the episode exists and is allowed; the day's limit and bedtime from the PARENT's
 * controls and progress's real usage (the client's fields only tighten); billing's entitlement
 * (never the client's `entitlement_status`; billing down → 503 `entitlement_unavailable`);
 * autoplay in strict mode; the single-use parent gate for `external-link`. Then stores the
 * session and its `playback.session.started` event in one transaction and signs the stream URL.
 */
@Injectable()
export class PlaybackStartService {
  constructor(
    private readonly access: FamilyAccess,
    private readonly episodes: EpisodeSource,
    private readonly usage: UsageSource,
    private readonly entitlements: Entitlements,
    private readonly gates: GateTokens,
    private readonly sessions: SessionsRepository,
    private readonly events: EventPublisher,
    private readonly signer: StreamSigner,
    private readonly ctx: RequestContext,
    @Inject(PLAYBACK_SETTINGS) private readonly settings: PlaybackSettings,
  ) {}

  /** Runs every check and starts the session; `origin` is where stream URLs point (e.g. the gateway). */
  async start(req: StartSessionRequest, origin: string): Promise<StartSessionResponse> {
    const child = await this.access.ownedChild(req.child_profile_id);
    const [controls, episode] = await Promise.all([this.access.controlsOf(child), this.episodes.find(req.episode_id)]);
    if (!episode || !episode.playable) throw new EpisodeNotFoundError(req.episode_id);
    const refusal = episodeRefusal(episode, child, controls);
    if (refusal) throw new EpisodeNotAllowedError(refusal);

    const now = new Date();
    const realUsed = await this.usage.minutesUsed(child.childProfileId, dayBudget(controls, 0, now).date);
    const budget = dayBudget(controls, realUsed, now, {
      sessionLimitMinutes: req.session_limit_minutes,
      sessionMinutesUsed: req.session_minutes_used,
    });
    if (budget.remainingMinutes <= 0) throw new SessionCapReachedError(budget.limitMinutes, budget.usedMinutes);
    if (bedtimeNow(controls, now)) throw new BedtimeActiveError(controls.bedtimeWindow);

    const entitlement = await this.entitlements.forChild(child.childProfileId);
    if (!entitlement?.active || entitlement.parentUserId !== child.parentUserId) throw new EntitlementRequiredError();

    const strict = controls.safetyMode === 'strict' || req.safety_mode === 'strict';
    if (req.autoplay_requested && (strict || !controls.autoplay)) throw new AutoplayBlockedError();
    if (req.device_type === 'external-link') {
      if (!req.parent_gate_token || !(await this.gates.consume(child.childProfileId, req.parent_gate_token)))
        throw new ParentGateRequiredError();
    }

    const session = await this.events.transaction(async () => {
      const stored = await this.sessions.create({
        tenantId: this.ctx.tenantId,
        childProfileId: child.childProfileId,
        parentUserId: child.parentUserId,
        episodeId: episode.episodeId,
        deviceType: req.device_type,
        mediaKey: episode.storageKey,
        limitMinutes: budget.limitMinutes,
        usedAtStart: budget.usedMinutes,
        startedAt: now,
      });
      await this.events.publish(
        PlaybackSessionStarted,
        {
          sessionId: stored.id,
          childProfileId: stored.childProfileId,
          parentUserId: stored.parentUserId,
          episodeId: stored.episodeId,
          deviceType: stored.deviceType,
          startedAt: stored.startedAt,
          maxMinutes: budget.remainingMinutes,
        },
        { aggregateId: stored.childProfileId },
      );
      return stored;
    });

    const exp = Math.floor(now.getTime() / 1000) + this.settings.PLAYBACK_STREAM_TTL_SEC;
    const playlist = session.mediaKey.split('/').pop() ?? 'index.m3u8';
    const streamUrl = `${origin}/v1/playback/streams/${session.id}/${encodeURIComponent(playlist)}?${this.signer.query(session.id, playlist, exp)}`;
    return {
      playback_session_id: session.id,
      token: this.signer.sessionToken(session.id, exp),
      stream_url: streamUrl,
      expires_at: new Date(exp * 1000).toISOString(),
      safety_applied: strict,
      safety_reason: controls.safetyMode === 'strict' ? 'parent_controls_strict' : strict ? 'request_strict' : 'parent_controls_balanced',
      session_capped: budget.remainingMinutes < Math.ceil(episode.durationMs / 60_000),
      session_max_minutes: budget.remainingMinutes,
    };
  }
}
