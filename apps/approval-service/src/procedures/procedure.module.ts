import { Module } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { CalendarModule } from '../calendar/calendar.module';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { ProjectDirectoryModule } from '../projects/project-directory.module';
import { SecurityLogRepository } from '../security/security-log.repository';
import { ProcedureActionService } from './procedure-action.service';
import { ProcedureQueryService } from './procedure-query.service';
import { ProcedureController } from './procedure.controller';
import { ProcedureRepository } from './procedure.repository';
import { ProjectProceduresController } from './project-procedures.controller';

@Module({
  imports: [CalendarModule, ProjectDirectoryModule],
  controllers: [ProcedureController, ProjectProceduresController],
  providers: [
    ProcedureRepository,
    ProcedureQueryService,
    ProcedureActionService,
    AuditRepository,
    IdempotencyRepository,
    SecurityLogRepository,
  ],
  exports: [ProcedureRepository, AuditRepository, ProcedureActionService],
})
export class ProcedureModule {}
