import { Injectable } from '@nestjs/common';

/**
 * The service's notion of "now": event-time checks, today's local day, the streak. One
 * provider, so tests can move time (`jest.spyOn(app.get(Clock), 'now')`).
 */
@Injectable()
export class Clock {
  /** The current instant. */
  now(): Date {
    return new Date();
  }
}
