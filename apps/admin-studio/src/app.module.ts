import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { AuditModule } from './audit/audit.module';
import { ModelProfilesModule } from './model-profiles/model-profiles.module';
import { RunsModule } from './runs/runs.module';
import { WorkflowsModule } from './workflows/workflows.module';

/** The admin-studio service (port 8090, prefix /v1): AI content workflows, their runs and model profiles. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'admin-studio', http: { port: 8090, prefix: 'v1' }, messaging: true }),
    AuditModule,
    ModelProfilesModule,
    WorkflowsModule,
    RunsModule,
  ],
})
export class AppModule {}
