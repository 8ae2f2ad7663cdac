import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ProcedureModule } from '../procedures/procedure.module';
import { AcceptanceLapseConsumer } from './acceptance-lapse.consumer';
import { AcceptanceLapseService } from './acceptance-lapse.service';

@Module({
  imports: [CalendarModule, ProcedureModule],
  controllers: [AcceptanceLapseConsumer],
  providers: [AcceptanceLapseService],
})
export class AcceptanceModule {}
