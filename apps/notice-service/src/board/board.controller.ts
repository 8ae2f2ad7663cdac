import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiErrorResponses, Public } from '@banjie/platform';
import { PAST_DAY, REVALIDATE, sendCacheableJson } from '../http/cacheable';
import { BoardReader } from './board-reader.service';
import { AsOfQuery, BoardQuery, ProjectCodeParam } from './dto/board.query';
import { BoardDto, ProjectCardDto } from './dto/board.response';

/** The public board as JSON, for displays: no token, rate limited, cacheable (ETag, 304). */
@ApiTags('public board')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('api')
export class BoardController {
  constructor(private readonly reader: BoardReader) {}

  @Get('board')
  @ApiOkResponse({
    type: BoardDto,
    description: "header figures and the cards on the board, filtered; `?asOf=` gives a past day's board",
  })
  @ApiErrorResponses(400, 429)
  async board(@Query() query: BoardQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { asOf, ...filters } = query;
    sendCacheableJson(
      request,
      response,
      await this.reader.board(filters, asOf),
      asOf === undefined ? REVALIDATE : PAST_DAY,
    );
  }

  @Get('projects/:code')
  @ApiOkResponse({ type: ProjectCardDto, description: "one project's public card" })
  @ApiErrorResponses(400, 404, 429)
  async project(
    @Param() { code }: ProjectCodeParam,
    @Query() { asOf }: AsOfQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendCacheableJson(
      request,
      response,
      await this.reader.project(code, asOf),
      asOf === undefined ? REVALIDATE : PAST_DAY,
    );
  }
}
