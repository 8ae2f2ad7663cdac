import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkingDayCalendar } from '@banjie/domain';
import { CalendarReplica } from '@banjie/platform';

/** The notice service's copy of the published working-day calendar (from `calendar.v1`), loaded before the first board refresh. */
@Injectable()
export class NoticeCalendar implements OnModuleInit {
  readonly replica: CalendarReplica;

  constructor(dataSource: DataSource) {
    this.replica = new CalendarReplica(dataSource, 'notice');
  }

  async onModuleInit(): Promise<void> {
    await this.replica.load();
  }

  get current(): WorkingDayCalendar {
    return this.replica.current;
  }
}
