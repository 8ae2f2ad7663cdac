import { Module } from '@nestjs/common';
import { ProcedureProjectionRepository } from './procedure-projection.repository';

/** The projection's repository alone, for modules the procedure consumer itself depends on (the rung notices). */
@Module({
  providers: [ProcedureProjectionRepository],
  exports: [ProcedureProjectionRepository],
})
export class ProcedureProjectionModule {}
