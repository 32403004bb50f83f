import { Module } from '@nestjs/common';
import { ControlsModule } from '../controls/controls.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { GatesModule } from '../gates/gates.module';
import { KidsSessionsModule } from '../kids-sessions/kids-sessions.module';
import { ChildErasureConsumer } from './child-erasure.consumer';
import { ChildErasureService } from './child-erasure.service';

/** Erasure of a deleted child's identity data (controls, gates, kids sessions, dashboard ledger) on `child.profile.deleted`. */
@Module({
  imports: [ControlsModule, GatesModule, KidsSessionsModule, DashboardModule],
  controllers: [ChildErasureConsumer],
  providers: [ChildErasureService],
})
export class ChildErasureModule {}
