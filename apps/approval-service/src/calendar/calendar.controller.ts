import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { chineseDaysCoverage, parseLocalDate, yearOf } from '@banjie/domain';
import { CurrentActor, DomainException, Roles, type Actor } from '@banjie/platform';
import { CalendarOverrideDateParam, PutCalendarOverrideDto } from './dto/calendar-override.dto';
import { WorkingDayCalendarService } from './working-day-calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: WorkingDayCalendarService,
  ) {}

  /** The years the national calendar covers and the local overrides in force. */
  @Get()
  async get() {
    return { source: 'chinese-days', coverage: chineseDaysCoverage(), overrides: await this.calendars.overrides() };
  }

  @Put('overrides/:date')
  @Roles('admin')
  async put(@Param() { date }: CalendarOverrideDateParam, @Body() body: PutCalendarOverrideDto, @CurrentActor() actor: Actor) {
    const coverage = chineseDaysCoverage();
    const year = yearOf(parseLocalDate(date));
    if (year < coverage.firstYear || year > coverage.lastYear) {
      throw new DomainException('bad-request', 'CALENDAR_NOT_COVERED', `date: ${year} is outside the national calendar (${coverage.firstYear}–${coverage.lastYear}); update chinese-days first`);
    }
    await this.dataSource.query(
      `INSERT INTO approval.calendar_overrides (date, kind, note, recorded_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
      [date, body.kind, body.note, `${actor.role}:${actor.sub}`],
    );
    this.calendars.invalidate();
    return { date, kind: body.kind, note: body.note };
  }

  @Delete('overrides/:date')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param() { date }: CalendarOverrideDateParam) {
    const [, deleted] = (await this.dataSource.query(`DELETE FROM approval.calendar_overrides WHERE date = $1`, [date])) as [unknown, number];
    if (deleted === 0) throw new DomainException('not-found', 'OVERRIDE_NOT_FOUND', `no calendar override on ${date}`);
    this.calendars.invalidate();
  }
}
