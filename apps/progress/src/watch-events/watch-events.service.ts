import { Inject, Injectable } from '@nestjs/common';
import { CacheService } from '@mikasmissions/cache';
import type { ProgressUpdatedPayload } from '@mikasmissions/contracts-events';
import { AppConfig } from '@mikasmissions/config';
import { RequestContext } from '@mikasmissions/context';
import { IdentityScope } from '@mikasmissions/service-identity';
import { progressConfig, type ProgressEnv } from '../progress.config';
import { Clock } from '../time/clock';
import { knownTimezone, localDateOf } from '../time/local-day';
import { ChildControls } from '../upstreams/child-controls';
import { EpisodeDurations } from '../upstreams/episode-durations';
import type { ParsedWatchEvent } from './dto/watch-event.request';
import { ProgressRepository } from './progress.repository';
import { EpisodeNotFoundError, InvalidEventTimeError, InvalidWatchMsError } from './watch-events.errors';

/** What recording an event produced: the 202 answer and the `progress.updated` payload. */
export interface AcceptedWatchEvent {
  accepted: true;
  event: ProgressUpdatedPayload;
}

/** The cache tag of a child's `GET /internal/progress/{child}/usage` answers. */
export const usageTag = (childProfileId: string): string => `progress-usage:${childProfileId}`;

/**
 * Records a watch event: the caller may act for the child (IdentityScope), the event time is
 * not in the future beyond the skew, the episode exists and `watch_ms` fits its duration plus
 * slack; then the repository applies it (a resend changes nothing) in the child's local day.
 */
@Injectable()
export class WatchEventsService {
  private readonly env: ProgressEnv;

  constructor(
    private readonly progress: ProgressRepository,
    private readonly episodes: EpisodeDurations,
    private readonly controls: ChildControls,
    private readonly scope: IdentityScope,
    private readonly ctx: RequestContext,
    private readonly cache: CacheService,
    private readonly clock: Clock,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.env = config.slice(progressConfig);
  }

  async record(event: ParsedWatchEvent): Promise<AcceptedWatchEvent> {
    await this.scope.check({ childProfileId: event.childProfileId });
    if (event.eventTime.getTime() > this.clock.now().getTime() + this.env.PROGRESS_EVENT_CLOCK_SKEW_MS) {
      throw new InvalidEventTimeError('event_time lies in the future beyond the allowed clock skew');
    }
    const episode = await this.episodes.find(event.episodeId);
    if (!episode) throw new EpisodeNotFoundError(event.episodeId);
    const maxWatchMs = episode.durationMs + this.env.PROGRESS_WATCH_SLACK_MS;
    if (event.watchMs > maxWatchMs) throw new InvalidWatchMsError('watch_ms is beyond the episode duration', { max_watch_ms: maxWatchMs });
    const controls = await this.controls.find(event.childProfileId);
    const historyPaused = controls?.historyPaused ?? false;
    const parentUserId = controls?.parentUserId ?? this.ctx.principal?.parentUserId;
    const outcome = await this.progress.record({
      ...event,
      ...(parentUserId ? { parentUserId } : {}),
      localDate: localDateOf(event.eventTime, knownTimezone(controls?.timezone)),
      durationMs: episode.durationMs,
      historyPaused,
    });
    if (!outcome.duplicate) await this.cache.invalidateTag(usageTag(event.childProfileId));
    return {
      accepted: true,
      event: {
        childId: event.childProfileId,
        episodeId: event.episodeId,
        positionSeconds: Math.floor(outcome.positionMs / 1000),
        completed: outcome.completed,
        ...(parentUserId ? { parentUserId } : {}),
        watchedMs: outcome.watchedMs,
        eventTime: event.eventTime.toISOString(),
        ...(episode.learningTags.length > 0 ? { learningTags: episode.learningTags } : {}),
        historyPaused,
      },
    };
  }
}
