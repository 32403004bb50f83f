import { Injectable } from '@nestjs/common';

/**
 * The time billing decides by (period ends, trial expiry, entitlement `active`). One injectable
 * source so tests can move it (`jest.spyOn(app.get(Clock), 'now')`) and prove an instant.
 */
@Injectable()
export class Clock {
  /** The current instant. */
  now(): Date {
    return new Date();
  }
}
