import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProcedureAction } from '@banjie/contracts';
import { ApiErrorResponses, ApiPageResponse, CurrentActor, PageQuery, type Actor } from '@banjie/platform';
import { AuditEntryDto, ProcedureDto } from './dto/procedure.response';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency';
import { ActionHeaders, type ActionHeaderValues } from './action-headers';
import {
  ActionDto,
  ApproveDto,
  ExtendDto,
  MarkAlreadyHeldDto,
  ReasonedActionDto,
  RequestSupplementDto,
} from './dto/procedure-action.dto';
import { AsOfQuery, ListProceduresQuery } from './dto/list-procedures.query';
import { ProcedureIdParam } from './dto/procedure-id.param';
import type { ActionCommand } from './procedure-action';
import { ProcedureActionService } from './procedure-action.service';
import { ProcedureQueryService } from './procedure-query.service';

const A = ProcedureAction;

/** Every action answers 200 and accepts these headers. */
const ActionDocs = () =>
  applyDecorators(
    HttpCode(200),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description: 'same key + same request → the first response replayed; same key + another request → 422',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'the sequence you read, e.g. "3" (stale → 412)',
    }),
    ApiOkResponse({
      type: ProcedureDto,
      description: 'the procedure after the action, with `ETag: "<sequence>"`',
    }),
    ApiErrorResponses(400, 403, 404, 409, 412, 422),
  );

@ApiTags('procedures')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('procedures')
export class ProcedureController {
  constructor(
    private readonly queries: ProcedureQueryService,
    private readonly actions: ProcedureActionService,
  ) {}

  @Get()
  @ApiPageResponse(ProcedureDto)
  @ApiErrorResponses(400)
  list(@Query() query: ListProceduresQuery, @CurrentActor() actor: Actor) {
    return this.queries.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProcedureDto, description: 'with `ETag: "<sequence>"`' })
  @ApiErrorResponses(400, 404)
  async get(
    @Param() { id }: ProcedureIdParam,
    @Query() { asOf }: AsOfQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const view = await this.queries.get(actor, id, asOf);
    response.setHeader('ETag', `"${view.sequence}"`);
    return view;
  }

  @Get(':id/audit')
  @ApiPageResponse(AuditEntryDto, 'its audit trail, oldest first')
  @ApiErrorResponses(400, 404)
  audit(@Param() { id }: ProcedureIdParam, @Query() query: PageQuery, @CurrentActor() actor: Actor) {
    return this.queries.auditOf(actor, id, query);
  }

  @Post(':id/submit')
  @ActionDocs()
  submit(
    @Param() { id }: ProcedureIdParam,
    @Body() body: ActionDto,
    @ActionHeaders() headers: ActionHeaderValues,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(id, { action: A.SUBMIT, note: body.note }, body, headers, actor, res);
  }

  @Post(':id/accept')
  @ActionDocs()
  accept(
    @Param() { id }: ProcedureIdParam,
    @Body() body: ActionDto,
    @ActionHeaders() headers: ActionHeaderValues,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(id, { action: A.ACCEPT, note: body.note }, body, headers, actor, res);
  }

  @Post(':id/request-supplement')
  @ActionDocs()
  requestSupplement(
    @Param() { id }: ProcedureIdParam,
    @Body() body: RequestSupplementDto,
    @ActionHeaders() headers: ActionHeaderValues,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(
      id,
      { action: A.REQUEST_SUPPLEMENT, supplementReason: body.supplementReason, note: body.note },
      body,
      headers,
      actor,
      res,
    );
  }

  @Post(':id/resubmit')
  @ActionDocs()
  resubmit(
    @Param() { id }: ProcedureIdParam,
    @Body() body: ActionDto,
    @ActionHeaders() headers: ActionHeaderValues,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(id, { action: A.RESUBMIT, note: body.note }, body, headers, actor, res);
  }

  @Post(':id/approve')
  @ActionDocs()
  approve(
    @Param() { id }: ProcedureIdParam,
    @Body() body: ApproveDto,
    @ActionHeaders() headers: ActionHeaderValues,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(
      id,
      { action: A.APPROVE, documentNumber: body.documentNumber, note: body.note },
      body,
      headers,
      actor,
      res,
    );
  }

  @Post(':id/refuse')
  @ActionDocs()
  refuse(
    @Param() { id }: ProcedureIdParam,
    @Body() body: ReasonedActionDto,
    @ActionHeaders() headers: ActionHeaderValues,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(
      id,
      { action: A.REFUSE, reason: body.reason, note: body.note },
      body,
      headers,
      actor,
      res,
    );
  }

  @Post(':id/extend')
  @ActionDocs()
  extend(
    @Param() { id }: ProcedureIdParam,
    @Body() body: ExtendDto,
    @ActionHeaders() headers: ActionHeaderValues,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(
      id,
      { action: A.EXTEND, days: body.days, reason: body.reason, note: body.note },
      body,
      headers,
      actor,
      res,
    );
  }

  @Post(':id/mark-not-applicable')
  @ActionDocs()
  markNotApplicable(
    @Param() { id }: ProcedureIdParam,
    @Body() body: ReasonedActionDto,
    @ActionHeaders() headers: ActionHeaderValues,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(
      id,
      { action: A.MARK_NOT_APPLICABLE, reason: body.reason, note: body.note },
      body,
      headers,
      actor,
      res,
    );
  }

  @Post(':id/mark-already-held')
  @ActionDocs()
  markAlreadyHeld(
    @Param() { id }: ProcedureIdParam,
    @Body() body: MarkAlreadyHeldDto,
    @ActionHeaders() headers: ActionHeaderValues,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(
      id,
      {
        action: A.MARK_ALREADY_HELD,
        documentNumber: body.documentNumber,
        reason: body.reason,
        note: body.note,
      },
      body,
      headers,
      actor,
      res,
    );
  }

  @Post(':id/withdraw')
  @ActionDocs()
  withdraw(
    @Param() { id }: ProcedureIdParam,
    @Body() body: ReasonedActionDto,
    @ActionHeaders() headers: ActionHeaderValues,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.act(
      id,
      { action: A.WITHDRAW, reason: body.reason, note: body.note },
      body,
      headers,
      actor,
      res,
    );
  }

  private async act(
    procedureId: string,
    command: ActionCommand,
    body: ActionDto,
    headers: ActionHeaderValues,
    actor: Actor,
    res: Response,
  ) {
    const expected =
      headers.ifMatch !== undefined
        ? { source: 'if-match' as const, sequence: headers.ifMatch }
        : body.expectedSequence !== undefined
          ? { source: 'body' as const, sequence: body.expectedSequence }
          : undefined;
    const result = await this.actions.perform({
      procedureId,
      command,
      body,
      effectiveDate: body.effectiveDate,
      lateEntry: body.lateEntry,
      expected,
      idempotencyKey: headers.idempotencyKey,
      actor,
    });
    res.status(result.statusCode);
    res.setHeader('ETag', `"${String(result.body.sequence)}"`);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }
}
