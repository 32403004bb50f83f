import { Injectable, Logger } from '@nestjs/common';
import { ServiceClient } from '@mikasmissions/service-client';

/** Port: where the transcode stage sends an asset's progress (best effort; never fails the transcode). */
export abstract class ProgressReporter {
  /** Reports `percent` (0–99) for `assetId` in the current tenant. */
  abstract report(assetId: string, percent: number): Promise<void>;
}

/** Reports to creator-studio's `PUT /internal/creator/assets/{asset_id}/progress` as the signed `service` identity. */
@Injectable()
export class CreatorStudioProgressReporter extends ProgressReporter {
  private readonly logger = new Logger('TranscodeProgress');

  constructor(private readonly client: ServiceClient) {
    super();
  }

  async report(assetId: string, percent: number): Promise<void> {
    try {
      const answer = await this.client.call('creator-studio', {
        method: 'PUT',
        path: `/internal/creator/assets/${encodeURIComponent(assetId)}/progress`,
        body: { percent },
        timeoutMs: 1_000,
      });
      if (answer.status >= 400) this.logger.debug(`progress of ${assetId} not taken: ${answer.status}`);
    } catch (error) {
      this.logger.debug(`progress of ${assetId} not sent: ${(error as Error).message}`);
    }
  }
}

/**
 * A throttle for one transcode's progress: forwards a percent only when it rose and at least
 * `intervalMs` passed since the last one sent (the first one at once); one report in flight at a time.
 */
export function throttledProgress(
  send: (percent: number) => Promise<void>,
  intervalMs: number,
  now: () => number = Date.now,
): (percent: number) => void {
  let last = -1;
  let sentAt = -Infinity;
  let inFlight = false;
  return (percent) => {
    if (percent <= last || inFlight || now() - sentAt < intervalMs) return;
    last = percent;
    sentAt = now();
    inFlight = true;
    void send(percent).finally(() => (inFlight = false));
  };
}
