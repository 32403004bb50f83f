import { Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { messagingConfig } from '@mikasmissions/messaging';
import { outboxRelayConfig } from './relay.config';
import { RELAY_SETTINGS, relaySettings } from './relay-settings';
import { StandaloneRelayService } from './standalone-relay.service';

/** The relay of the outbox-relay app: settings from the validated config plus {@link StandaloneRelayService}. */
@UsesConfig(outboxRelayConfig, messagingConfig)
@Module({
  providers: [
    {
      provide: RELAY_SETTINGS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => relaySettings(config.slice(outboxRelayConfig), config.slice(messagingConfig)),
    },
    StandaloneRelayService,
  ],
})
export class StandaloneRelayModule {}
