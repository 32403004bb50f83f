import { Module } from '@nestjs/common';
import { AuditStoreModule } from '@mikasmissions/audit';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The admin audit over libs/audit (Postgres in the service's schema when DATABASE_URL is set, memory otherwise). */
@Module({
  imports: [AuditStoreModule],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
