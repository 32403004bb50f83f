import { Module } from '@nestjs/common';
import { WatchEventsModule } from '../watch-events/watch-events.module';
import { KidsProgressController } from './kids-progress.controller';
import { KidsProgressService } from './kids-progress.service';
import { UsageController } from './usage.controller';

/** The read side: `GET /v1/kids/progress/{child}` and `GET /internal/progress/{child}/usage`. */
@Module({
  imports: [WatchEventsModule],
  controllers: [KidsProgressController, UsageController],
  providers: [KidsProgressService],
})
export class KidsProgressModule {}
