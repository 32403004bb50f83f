import { PlatformError } from '@mikasmissions/http';

/** The parent has never had a subscription (or the child is unknown to profile): 404 `entitlement_not_found`. */
export class EntitlementNotFoundError extends PlatformError {
  constructor() {
    super(404, 'entitlement_not_found', 'no entitlement for this parent');
  }
}
