import { Injectable } from '@nestjs/common';
import { ServiceClient } from '@mikasmissions/service-client';
import { z } from 'zod';
import { UsageSource } from '../family.ports';
import { unexpectedAnswer } from '../upstream-policy';

const usageBody = z.object({ minutes_used: z.number().min(0) });

/** {@link UsageSource} over progress's `GET /internal/progress/{child}/usage?date=`; no record (404) is 0 minutes. */
@Injectable()
export class HttpUsageSource extends UsageSource {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async minutesUsed(childProfileId: string, date: string): Promise<number> {
    const { status, body } = await this.client.call('progress', {
      method: 'GET',
      path: `/internal/progress/${encodeURIComponent(childProfileId)}/usage`,
      query: { date },
    });
    if (status === 404) return 0;
    const parsed = usageBody.safeParse(body);
    if (status !== 200 || !parsed.success) throw unexpectedAnswer('progress', status);
    return Math.floor(parsed.data.minutes_used);
  }
}
