import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { FeaturesModule } from './features/features.module';
import { RailsModule } from './rails/rails.module';
import { UpstreamsModule } from './upstreams/upstreams.module';

/** The recommendation service (port 8084, prefix /v1): the kids home and safe rails per child. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'recommendation', http: { port: 8084, prefix: 'v1' }, messaging: true }),
    UpstreamsModule,
    FeaturesModule,
    RailsModule,
  ],
})
export class AppModule {}
