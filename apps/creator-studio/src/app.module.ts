import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { AssetsModule } from './assets/assets.module';

/** The creator-studio service (port 8087, prefix /v1): creators' uploads and their state through the media pipeline. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'creator-studio', http: { port: 8087, prefix: 'v1' }, messaging: true }), AssetsModule],
})
export class AppModule {}
