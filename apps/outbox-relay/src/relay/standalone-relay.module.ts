import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RELAY_SETTINGS, relaySettings } from './relay-settings';
import { StandaloneRelayService } from './standalone-relay.service';

/** The relay of the outbox-relay app: settings from the environment plus {@link StandaloneRelayService}. */
@Module({
  providers: [{ provide: RELAY_SETTINGS, inject: [ConfigService], useFactory: (config: ConfigService) => relaySettings(config) }, StandaloneRelayService],
})
export class StandaloneRelayModule {}
