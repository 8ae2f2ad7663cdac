import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CALENDAR_LAST_YEAR, knownYears, parseLocalDate } from '@banjie/domain';
import {
  ApiErrorResponses,
  ApiPageResponse,
  CurrentActor,
  PageQuery,
  Roles,
  type Actor,
} from '@banjie/platform';
import { CalendarPublisher } from './calendar-publisher.service';
import { CalendarYears } from './calendar-years.service';
import { CalendarOverrideDateParam, PutCalendarOverrideDto } from './dto/calendar-override.dto';
import { CalendarYearParam, PublishCalendarYearDto } from './dto/calendar-year.dto';
import {
  CalendarDto,
  CalendarOverrideSetDto,
  CalendarVersionDto,
  CalendarYearDto,
} from './dto/calendar.response';
import { WorkingDayCalendarService } from './working-day-calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendars: WorkingDayCalendarService,
    private readonly years: CalendarYears,
    private readonly publisher: CalendarPublisher,
  ) {}

  /** The calendar in force: its version, the known years, the provisional ones, the local overrides. */
  @Get()
  @ApiOkResponse({ type: CalendarDto })
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
  @ApiPageResponse(CalendarVersionDto, 'the versions, newest first')
  @ApiErrorResponses(400)
  versions(@Query() query: PageQuery) {
    return this.years.versions(query);
  }

  /** A year as it is in force, and where it came from (package, published, provisional). */
  @Get('years/:year')
  @ApiOkResponse({ type: CalendarYearDto })
  @ApiErrorResponses(400)
  year(@Param() { year }: CalendarYearParam) {
    return this.years.describe(year);
  }

  /** Publishes (or corrects) a year's official arrangement: a new version, published on `calendar.v1`. */
  @Put('years/:year')
  @ApiOkResponse({ type: CalendarYearDto, description: 'the year as now published' })
  @ApiErrorResponses(400, 403)
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
  @ApiOkResponse({ type: CalendarOverrideSetDto })
  @ApiErrorResponses(400, 403)
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
  @ApiNoContentResponse({ description: 'the override is gone (a new calendar version)' })
  @ApiErrorResponses(400, 403, 404)
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param() { date }: CalendarOverrideDateParam, @CurrentActor() actor: Actor) {
    await this.publisher.removeOverride(date, actor);
  }
}
