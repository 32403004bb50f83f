import { Module } from '@nestjs/common';
import { PublishConsumer } from './publish.consumer';
import { PublishService } from './publish.service';

/** The publish stage: moderation's `media.approved` → `episode.published`. */
@Module({ controllers: [PublishConsumer], providers: [PublishService], exports: [PublishService] })
export class PublishModule {}
