import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { EventContracts, type EventDefinition } from '@mikasmissions/contracts-events';
import { MessagingConfigError } from './messaging.errors';
import { MESSAGING_OPTIONS } from './messaging.tokens';
import type { ResolvedMessagingOptions } from './messaging.options';
import { ConsumerErrorInterceptor } from './consumer-error.interceptor';
import { ON_EVENT_METADATA } from './on-event.decorator';
import { PUBLISH_METADATA } from './publish.decorator';
import { OutboxRelay } from './relay/outbox-relay';

/**
 * Start-up and shutdown of messaging: rejects `@Publish` and consumers (`@OnEvent`,
 * `@EventPattern`) of event types without a registered contract (or of another version)
 * before the app listens, gives each event handler (and only those) the interceptor that keeps its
 * original error for the dead-letter entry, starts the in-process relay, and stops it on
 * shutdown.
 */
@Injectable()
export class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly contracts: EventContracts,
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay | null,
    private readonly consumerErrors: ConsumerErrorInterceptor,
  ) {}

  onModuleInit(): void {
    const problems: string[] = [];
    for (const wrapper of [...this.discovery.getControllers(), ...this.discovery.getProviders()]) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const method = proto[name] as () => unknown;
        const where = `${String(wrapper.name)}.${name}`;
        const published = this.reflector.get(PUBLISH_METADATA, method)?.event;
        if (published) problems.push(...this.contractProblems(`${where}: @Publish("${published.type}")`, published));
        const patterns = Reflect.getMetadata(PATTERN_METADATA, method) as unknown[] | undefined;
        if (patterns === undefined) continue;
        const consumed = this.reflector.get(ON_EVENT_METADATA, method);
        if (consumed) problems.push(...this.contractProblems(`${where}: @OnEvent("${consumed.type}")`, consumed));
        for (const pattern of [patterns].flat()) {
          const type = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
          if (!consumed && !this.contracts.has(type))
            problems.push(
              `${where}: @EventPattern(${JSON.stringify(type)}) consumes an event type with no contract in libs/contracts-events`,
            );
        }
        this.keepHandlerErrors(method);
      }
    }
    if (problems.length > 0) throw new MessagingConfigError(problems.join('; '));
  }

  private contractProblems(what: string, event: EventDefinition): string[] {
    if (!this.contracts.has(event.type))
      return [
        `${what} has no contract in libs/contracts-events (add it to PLATFORM_EVENT_CONTRACTS or MessagingModule.forRoot({ contracts }))`,
      ];
    const registered = this.contracts.versionOf(event.type);
    return registered === event.version ? [] : [`${what} uses v${event.version}, but the registered contract is v${registered}`];
  }

  private keepHandlerErrors(method: () => unknown): void {
    const others = ((Reflect.getMetadata(INTERCEPTORS_METADATA, method) ?? []) as unknown[]).filter(
      (i) => !(i instanceof ConsumerErrorInterceptor),
    );
    Reflect.defineMetadata(INTERCEPTORS_METADATA, [this.consumerErrors, ...others], method);
  }

  onApplicationBootstrap(): void {
    if (this.relay && this.options.relay.enabled) this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
