import { PlatformError } from '@mikasmissions/http';

/** No subscription with this id in the caller's tenant: 404 `subscription_not_found`. */
export class SubscriptionNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'subscription_not_found', `no subscription with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}
