import { Injectable } from '@nestjs/common';

/** A readiness check other libraries contribute (transport lag, breakers, …). */
export interface ReadinessCheck {
  /** Key in the `/ready` details, e.g. `transport`. */
  name: string;
  /** Resolves with details when ready; throws (message shown) when not. */
  check(): Promise<Record<string, unknown> | void>;
  /** A failing informational check is reported but does not make `/ready` 503. */
  critical?: boolean;
  /** Cut-off in ms (a check that takes longer fails); at most, and by default, 1000. */
  timeoutMs?: number;
}

/**
 * Where libraries register extra readiness checks at start-up.
 *
 * @example
 * constructor(registry: ReadinessRegistry) {
 *   registry.register({ name: 'transport', check: () => this.lag() });
 * }
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(check: ReadinessCheck): void {
    this.checks.set(check.name, check);
  }

  list(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}
