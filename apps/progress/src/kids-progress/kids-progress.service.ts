import { Injectable } from '@nestjs/common';
import { IdentityScope } from '@mikasmissions/service-identity';
import { Clock } from '../time/clock';
import { knownTimezone, localDateOf, shiftDate } from '../time/local-day';
import { ChildControls, DEFAULT_SESSION_LIMIT_MINUTES } from '../upstreams/child-controls';
import { ProgressRepository } from '../watch-events/progress.repository';
import { ChildProgressNotFoundError, InvalidUsageDateError } from './kids-progress.errors';
import { type KidsProgress, summarize } from './progress-summary';

/** The answer of `GET /internal/progress/{child}/usage`. */
export interface DailyUsageView {
  child_profile_id: string;
  date: string;
  minutes_used: number;
  timezone: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDay = (date: string): boolean =>
  DATE.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && shiftDate(date, 0) === date;

/** A child's progress summary (public) and one local day's usage (playback's limit check). */
@Injectable()
export class KidsProgressService {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly controls: ChildControls,
    private readonly scope: IdentityScope,
    private readonly clock: Clock,
  ) {}

  /** The summary in the child's local days; 404 for a child without events that identity does not know. */
  async summary(childProfileId: string): Promise<KidsProgress> {
    await this.scope.check({ childProfileId });
    const [controls, history] = await Promise.all([this.controls.find(childProfileId), this.progress.history(childProfileId)]);
    if (history.started === 0 && !controls) throw new ChildProgressNotFoundError();
    const today = localDateOf(this.clock.now(), knownTimezone(controls?.timezone));
    return summarize(childProfileId, history, today, controls?.sessionLimitMinutes ?? DEFAULT_SESSION_LIMIT_MINUTES);
  }

  /** Minutes watched on `date` (default: today) in the child's timezone. */
  async usage(childProfileId: string, date: string | undefined): Promise<DailyUsageView> {
    if (date !== undefined && !isCalendarDay(date)) throw new InvalidUsageDateError();
    const controls = await this.controls.find(childProfileId);
    const timezone = knownTimezone(controls?.timezone);
    const day = date ?? localDateOf(this.clock.now(), timezone);
    const watchedMs = await this.progress.watchedOn(childProfileId, day);
    return { child_profile_id: childProfileId, date: day, minutes_used: Math.floor(watchedMs / 60_000), timezone };
  }
}
