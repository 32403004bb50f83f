import { ServiceClient } from '@mikasmissions/service-client';
import { ChildControls, type RecommendationControls } from './child-controls';
import { controlsFromWire } from './controls-wire';
import { UpstreamContractError } from './upstream.errors';

/** {@link ChildControls} over identity's `GET /internal/controls/{child}`: 404 → `null`, a malformed answer → 503. */
export class HttpChildControls extends ChildControls {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async find(childProfileId: string): Promise<RecommendationControls | null> {
    const res = await this.client.call('identity', { method: 'GET', path: `/internal/controls/${encodeURIComponent(childProfileId)}` });
    if (res.status === 404) return null;
    const controls = res.status === 200 ? controlsFromWire((res.body as { controls?: unknown } | null)?.controls) : null;
    if (!controls) throw new UpstreamContractError('identity', res.status);
    return controls;
  }
}
