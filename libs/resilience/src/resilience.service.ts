import { Injectable, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { ReadinessRegistry } from '@mikasmissions/health';
import { Circuit, CircuitSnapshot } from './circuit';
import { ResiliencePolicy, resolvePolicy } from './resilience-policy';

/**
 * The circuits of this process, one per route (`@Resilience`) or per remote target
 * (`wrap`). Their state and counters appear in `/ready` details under `circuits`
 * (informational: an open circuit does not make the instance unready).
 *
 * @example
 * const entitlement = this.resilience.wrap('billing.entitlement', (signal, id: string) =>
 *   fetch(`${billingUrl}/entitlements/${id}`, { signal }).then((r) => r.json()),
 *   { timeoutMs: 500, retries: 2, hedgeAfterMs: 'p95' });
 * await entitlement('child-1');
 */
@Injectable()
export class ResilienceService implements OnModuleInit, OnApplicationShutdown {
  private readonly circuits = new Map<string, Circuit>();

  constructor(@Optional() private readonly readiness?: ReadinessRegistry) {}

  onModuleInit(): void {
    this.readiness?.register({ name: 'circuits', critical: false, check: async () => this.snapshot() });
  }

  /** The circuit called `name`, created with `policy` on first use. */
  circuit(name: string, policy: ResiliencePolicy = {}): Circuit {
    let circuit = this.circuits.get(name);
    if (!circuit) {
      circuit = new Circuit(name, resolvePolicy(policy, `circuit ${name}`));
      this.circuits.set(name, circuit);
    }
    return circuit;
  }

  /** Wraps `fn` in the circuit `name`: every call gets breaker, timeout, retries and hedging per `policy`. */
  wrap<A extends unknown[], T>(
    name: string,
    fn: (signal: AbortSignal, ...args: A) => Promise<T>,
    policy: ResiliencePolicy = {},
  ): (...args: A) => Promise<T> {
    const circuit = this.circuit(name, policy);
    return (...args: A) => circuit.execute((signal) => fn(signal, ...args));
  }

  /** State and counters of every circuit, by name. */
  snapshot(): Record<string, CircuitSnapshot> {
    return Object.fromEntries([...this.circuits].map(([name, c]) => [name, c.snapshot()]));
  }

  onApplicationShutdown(): void {
    for (const circuit of this.circuits.values()) circuit.shutdown();
  }
}
