import { Module } from '@nestjs/common';
import { CalendarChangesModule } from '../calendar/calendar-changes.module';
import { ProceduresModule } from '../procedures/procedures.module';
import { ClocksController } from './clocks.controller';

/** `GET /clocks/:procedureId`: a clock as its workflow sees it, with the due dates calendar changes moved. */
@Module({
  imports: [ProceduresModule, CalendarChangesModule],
  controllers: [ClocksController],
})
export class ClocksModule {}
