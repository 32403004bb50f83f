import { Injectable } from '@nestjs/common';
import { ServiceClient } from '@mikasmissions/service-client';
import { z } from 'zod';
import { GateTokens } from '../family.ports';
import { unexpectedAnswer } from '../upstream-policy';

const consumeBody = z.object({ consumed: z.boolean() });

/** {@link GateTokens} over identity's `POST /internal/gates/consume`; any 4xx is "not consumed". */
@Injectable()
export class HttpGateTokens extends GateTokens {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async consume(childProfileId: string, gateToken: string): Promise<boolean> {
    const { status, body } = await this.client.call('identity', {
      method: 'POST',
      path: '/internal/gates/consume',
      body: { child_profile_id: childProfileId, gate_token: gateToken },
    });
    if (status >= 400 && status < 500) return false;
    const parsed = consumeBody.safeParse(body);
    if (status !== 200 || !parsed.success) throw unexpectedAnswer('identity', status);
    return parsed.data.consumed;
  }
}
