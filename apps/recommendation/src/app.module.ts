import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { RailsModule } from './rails/rails.module';

/** The recommendation service (port 8084, prefix /v1): rails of the caller's tenant. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'recommendation', http: { port: 8084, prefix: 'v1' } }), RailsModule],
})
export class AppModule {}
