import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CALENDAR_LAST_YEAR, knownYears, parseLocalDate } from '@banjie/domain';
import { CurrentActor, PageQuery, Roles, type Actor } from '@banjie/platform';
import { CalendarPublisher } from './calendar-publisher.service';
import { CalendarYears } from './calendar-years.service';
import { CalendarOverrideDateParam, PutCalendarOverrideDto } from './dto/calendar-override.dto';
import { CalendarYearParam, PublishCalendarYearDto } from './dto/calendar-year.dto';
import { WorkingDayCalendarService } from './working-day-calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendars: WorkingDayCalendarService,
    private readonly years: CalendarYears,
    private readonly publisher: CalendarPublisher,
  ) {}

  /** The calendar in force: its version, the known years, the provisional ones, the local overrides. */
  @Get()
  async get() {
    const definition = await this.calendars.definition();
    const known = knownYears(definition);
    return {
      version: definition.version,
      knownYears: known,
      provisionalYears:
        known.lastYear < CALENDAR_LAST_YEAR
          ? { firstYear: known.lastYear + 1, lastYear: CALENDAR_LAST_YEAR }
          : null,
      overrides: definition.overrides,
    };
  }

  /** Every version: what changed, who, when, why (the calendar's audit trail). */
  @Get('versions')
  versions(@Query() query: PageQuery) {
    return this.years.versions(query);
  }

  /** A year as it is in force, and where it came from (package, published, provisional). */
  @Get('years/:year')
  year(@Param() { year }: CalendarYearParam) {
    return this.years.describe(year);
  }

  /** Publishes (or corrects) a year's official arrangement: a new version, published on `calendar.v1`. */
  @Put('years/:year')
  @Roles('admin')
  async publish(
    @Param() { year }: CalendarYearParam,
    @Body() body: PublishCalendarYearDto,
    @CurrentActor() actor: Actor,
  ) {
    await this.publisher.publishYear(year, body, actor, body.reason ?? null);
    return this.years.describe(year);
  }

  @Put('overrides/:date')
  @Roles('admin')
  async put(
    @Param() { date }: CalendarOverrideDateParam,
    @Body() body: PutCalendarOverrideDto,
    @CurrentActor() actor: Actor,
  ) {
    const version = await this.publisher.setOverride(
      { date: parseLocalDate(date), kind: body.kind, note: body.note },
      actor,
    );
    return { date, kind: body.kind, note: body.note, version };
  }

  @Delete('overrides/:date')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param() { date }: CalendarOverrideDateParam, @CurrentActor() actor: Actor) {
    await this.publisher.removeOverride(date, actor);
  }
}
