import { PlatformError } from '@mikasmissions/http';

/** No subscription with this id that the caller may see: 404 `subscription_not_found`. */
export class SubscriptionNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'subscription_not_found', `no subscription with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}

/** The plan is not in the catalogue: 400 `unknown_plan`. */
export class UnknownPlanError extends PlatformError {
  constructor(plan: string) {
    super(400, 'unknown_plan', `no plan ${JSON.stringify(plan.slice(0, 64))}`);
  }
}

/** The plan exists but is granted, not sold (the trial): 400 `plan_not_purchasable`. */
export class PlanNotPurchasableError extends PlatformError {
  constructor(plan: string) {
    super(400, 'plan_not_purchasable', `plan ${JSON.stringify(plan)} cannot be bought; it is granted at consent`);
  }
}

/** The parent already has a paid subscription whose period has not ended: 409 `subscription_active`. */
export class SubscriptionActiveError extends PlatformError {
  constructor(subscriptionId: string) {
    super(409, 'subscription_active', 'the parent already has a paid subscription until the end of its period', {
      subscription_id: subscriptionId,
    });
  }
}

/** The subscription's period already ended; there is nothing to cancel: 409 `subscription_ended`. */
export class SubscriptionEndedError extends PlatformError {
  constructor() {
    super(409, 'subscription_ended', 'the subscription has already ended');
  }
}

/** Neither the principal nor the request names a parent: 400 `missing_subject`. */
export class MissingSubjectError extends PlatformError {
  constructor() {
    super(400, 'missing_subject', 'name a parent_user_id or a child_profile_id');
  }
}
