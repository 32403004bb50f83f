import { Module } from '@nestjs/common';
import { PublishConsumer } from './publish.consumer';
import { PublishService } from './publish.service';

/** The publish stage (temporary pass-through, no moderation yet): `media.transcoded` → `episode.published` or `media.rejected`. */
@Module({ controllers: [PublishConsumer], providers: [PublishService], exports: [PublishService] })
export class PublishModule {}
