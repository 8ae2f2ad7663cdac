import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ProcedureAction } from '@banjie/contracts';
import { ApiErrorResponses, ApiPageResponse, CurrentActor, PageQuery, type Actor } from '@banjie/platform';
import { AuditEntryDto, ProcedureDto } from './dto/procedure.response';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency';
import { ActionCall } from './action-headers';
import {
  ActionDto,
  ApproveDto,
  BeginExcludedPeriodDto,
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

/** `POST /procedures/:id/<action>`: every action answers 200 and accepts these headers. */
const ActionEndpoint = (action: Exclude<ProcedureAction, typeof A.DEEM_ACCEPT>, description?: string) =>
  applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    ...(description === undefined ? [] : [ApiOperation({ description })]),
    ApiParam({ name: 'id', example: 'BJ-2023-0001-EIA' }),
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

  @ActionEndpoint(A.SUBMIT)
  submit(@Body() body: ActionDto, @ActionCall() call: ActionCall) {
    return this.act(call, { action: A.SUBMIT, note: body.note }, body);
  }

  @ActionEndpoint(
    A.ACCEPT,
    'within the acceptance window (受理时限, art. 32) counted from the day the materials were received',
  )
  accept(@Body() body: ActionDto, @ActionCall() call: ActionCall) {
    return this.act(call, { action: A.ACCEPT, note: body.note }, body);
  }

  @ActionEndpoint(
    A.REQUEST_SUPPLEMENT,
    'after acceptance a supplement request (补正) pauses the clock until the applicant resubmits; before acceptance (SUBMITTED) ' +
      'it is the one complete request for what is missing (一次性告知): the acceptance window stands still until the applicant ' +
      'resubmits, then a new window counts from that day; a second one for the same submission is 409 ' +
      'PRE_ACCEPTANCE_SUPPLEMENT_ALREADY_REQUESTED',
  )
  requestSupplement(@Body() body: RequestSupplementDto, @ActionCall() call: ActionCall) {
    const { supplementReason, note } = body;
    return this.act(call, { action: A.REQUEST_SUPPLEMENT, supplementReason, note }, body);
  }

  @ActionEndpoint(A.RESUBMIT)
  resubmit(@Body() body: ActionDto, @ActionCall() call: ActionCall) {
    return this.act(call, { action: A.RESUBMIT, note: body.note }, body);
  }

  @ActionEndpoint(A.APPROVE, 'ends an open art. 45 period on the same day')
  approve(@Body() body: ApproveDto, @ActionCall() call: ActionCall) {
    return this.act(call, { action: A.APPROVE, documentNumber: body.documentNumber, note: body.note }, body);
  }

  @ActionEndpoint(
    A.REFUSE,
    'from SUBMITTED: refusal to accept (不予受理), within the acceptance window; from ACCEPTED: refusal of the licence ' +
      '(ends an open art. 45 period on the same day)',
  )
  refuse(@Body() body: ReasonedActionDto, @ActionCall() call: ActionCall) {
    return this.act(call, { action: A.REFUSE, reason: body.reason, note: body.note }, body);
  }

  @ActionEndpoint(A.EXTEND)
  extend(@Body() body: ExtendDto, @ActionCall() call: ActionCall) {
    const { days, reason, note } = body;
    return this.act(call, { action: A.EXTEND, days, reason, note }, body);
  }

  @ActionEndpoint(A.MARK_NOT_APPLICABLE)
  markNotApplicable(@Body() body: ReasonedActionDto, @ActionCall() call: ActionCall) {
    return this.act(call, { action: A.MARK_NOT_APPLICABLE, reason: body.reason, note: body.note }, body);
  }

  @ActionEndpoint(A.MARK_ALREADY_HELD)
  markAlreadyHeld(@Body() body: MarkAlreadyHeldDto, @ActionCall() call: ActionCall) {
    const { documentNumber, reason, note } = body;
    return this.act(call, { action: A.MARK_ALREADY_HELD, documentNumber, reason, note }, body);
  }

  @ActionEndpoint(A.WITHDRAW, 'ends an open art. 45 period on the same day')
  withdraw(@Body() body: ReasonedActionDto, @ActionCall() call: ActionCall) {
    return this.act(call, { action: A.WITHDRAW, reason: body.reason, note: body.note }, body);
  }

  @ActionEndpoint(
    A.BEGIN_EXCLUDED_PERIOD,
    'an accepted application enters a period the law leaves out of the limit (art. 45: expert review, hearing, testing …), ' +
      'stated to the applicant in writing: the clock pauses, and the due date moves by the working days it lasts',
  )
  beginExcludedPeriod(@Body() body: BeginExcludedPeriodDto, @ActionCall() call: ActionCall) {
    const { excludedReason, note } = body;
    return this.act(call, { action: A.BEGIN_EXCLUDED_PERIOD, excludedReason, note }, body);
  }

  @ActionEndpoint(A.END_EXCLUDED_PERIOD, 'the art. 45 period is over: the clock runs again')
  endExcludedPeriod(@Body() body: ActionDto, @ActionCall() call: ActionCall) {
    return this.act(call, { action: A.END_EXCLUDED_PERIOD, note: body.note }, body);
  }

  /** No endpoint for deem-accept: the system deems an application accepted when its window lapses (see the lapse consumer). */
  private async act(call: ActionCall, command: ActionCommand, body: ActionDto) {
    const { procedureId, headers, actor, response } = call;
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
    response.status(result.statusCode);
    response.setHeader('ETag', `"${String(result.body.sequence)}"`);
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }
}
