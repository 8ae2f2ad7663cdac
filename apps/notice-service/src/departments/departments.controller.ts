import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiErrorResponses, Public } from '@banjie/platform';
import { PAST_DAY, REVALIDATE, sendCacheableJson } from '../http/cacheable';
import { DepartmentRecordsReader } from './department-records.reader';
import { DepartmentsQuery } from './dto/departments.query';
import { DepartmentRecordsDto } from './dto/departments.response';

/** Each department's public record of kept promises: no token, rate limited, cacheable like the board. */
@ApiTags('public board')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('api')
export class DepartmentsController {
  constructor(private readonly reader: DepartmentRecordsReader) {}

  @Get('departments')
  @ApiOkResponse({
    type: DepartmentRecordsDto,
    description:
      "each department's record (completed, within the limit, median working days used vs committed, deemed and late acceptances, waiting, overdue); `?asOf=` gives a past day's",
  })
  @ApiErrorResponses(400, 429)
  async departments(
    @Query() query: DepartmentsQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { asOf, ...filters } = query;
    sendCacheableJson(
      request,
      response,
      await this.reader.records(filters, asOf),
      asOf === undefined ? REVALIDATE : PAST_DAY,
    );
  }
}
