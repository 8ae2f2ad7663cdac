import { Module } from '@nestjs/common';
import { DeadlineCalendarModule } from '../calendar/deadline-calendar.module';
import { RungNoticesModule } from '../rung-notices/rung-notices.module';
import { TemporalClientModule } from '../temporal/temporal-client.module';
import { AcceptanceLapseReporter } from './acceptance-lapse.reporter';
import { AcceptanceWindowClient } from './acceptance-window.client';
import { DeemedAcceptanceNotice } from './deemed-acceptance.notice';

/** The acceptance clock (art. 32): each submitted application's window workflow, its lapse reports, the deemed-acceptance notice. */
@Module({
  imports: [TemporalClientModule, DeadlineCalendarModule, RungNoticesModule],
  providers: [AcceptanceWindowClient, AcceptanceLapseReporter, DeemedAcceptanceNotice],
  exports: [AcceptanceWindowClient, AcceptanceLapseReporter, DeemedAcceptanceNotice],
})
export class AcceptanceModule {}
