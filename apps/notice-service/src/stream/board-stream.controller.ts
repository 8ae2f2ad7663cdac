import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '@banjie/platform';
import { StreamQuery } from '../board/dto/board.query';
import { BoardStream } from './board-stream.service';

@ApiTags('public board')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('api/board')
export class BoardStreamController {
  constructor(private readonly stream: BoardStream) {}

  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    schema: {
      type: 'string',
      example: 'id: 813\nevent: card\ndata: {"changeId":813,"code":"BJ-2023-0001",…}\n\n',
    },
    description:
      'Server-Sent Events: `card` (id = change id) and `summary` per change, `resync` when the client must reload the board (too far behind, or more changes than the stream sends at once)',
  })
  @ApiTooManyRequestsResponse({
    description:
      'TOO_MANY_STREAMS_FROM_CLIENT: this address holds NOTICE_SSE_MAX_STREAMS_PER_CLIENT streams already (or the rate limit); Retry-After',
  })
  @ApiServiceUnavailableResponse({
    description: 'TOO_MANY_STREAMS: the service holds NOTICE_SSE_MAX_STREAMS streams; Retry-After',
  })
  async open(@Query() query: StreamQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { since, ...filters } = query;
    await this.stream.open(request, response, filters, resumeAfter(request.headers['last-event-id'], since));
  }
}

/** The browser's Last-Event-ID on a reconnect wins over `?since=` (which only the first connection carries). */
function resumeAfter(
  lastEventId: string | string[] | undefined,
  since: string | undefined,
): number | null | 'invalid' {
  const value = Array.isArray(lastEventId) ? lastEventId[0] : lastEventId;
  if (value !== undefined && value !== '') return /^\d{1,15}$/.test(value) ? Number(value) : 'invalid';
  return since === undefined ? null : Number(since);
}
