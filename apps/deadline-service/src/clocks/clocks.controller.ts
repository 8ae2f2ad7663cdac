import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { WorkflowNotFoundError } from '@temporalio/client';
import { Matches } from 'class-validator';
import { shanghaiLocalDate } from '@banjie/domain';
import { ApiErrorResponses, CurrentActor, DomainException, Roles, type Actor } from '@banjie/platform';
import { AcceptanceWindowClient } from '../acceptance/acceptance-window.client';
import { awaitsAcceptance } from '../acceptance/acceptance-window-news';
import { ClockDto } from './dto/clock.response';
import { DueDateChangeRepository } from '../calendar/due-date-change.repository';
import { ProcedureProjectionRepository } from '../procedures/procedure-projection.repository';
import type { ProjectedProcedure } from '../procedures/procedure-projection';
import { ProcedureDeadlineClient } from '../procedures/procedure-deadline.client';

export class ProcedureIdParam {
  @Matches(/^BJ-\d{4}-\d{4,}-[A-Z_]{2,20}$/, { message: 'procedureId must look like BJ-2023-0001-EIA' })
  procedureId!: string;
}

@ApiTags('clocks')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('clocks')
export class ClocksController {
  constructor(
    private readonly projection: ProcedureProjectionRepository,
    private readonly clocks: ProcedureDeadlineClient,
    private readonly windows: AcceptanceWindowClient,
    private readonly dueDates: DueDateChangeRepository,
  ) {}

  /**
   * The current application's clock as its workflow sees it today: state, due date, whether it is
   * provisional (暂定) and with which calendar version, the next rung, what was sent, and every
   * due date a calendar change moved. While the application waits for acceptance (SUBMITTED) the
   * answer is its acceptance window instead (`state: AWAITING_ACCEPTANCE`, `acceptanceWindow`). A
   * department sees only its own procedures' clocks.
   */
  @Get(':procedureId')
  @ApiOkResponse({ type: ClockDto })
  @ApiErrorResponses(400, 403, 404)
  @Roles('supervisor', 'dispatch', 'admin', 'department')
  async clock(@Param() { procedureId }: ProcedureIdParam, @CurrentActor() actor: Actor) {
    const procedure = await this.projection.find(procedureId);
    if (!procedure || (actor.role === 'department' && actor.department !== procedure.department)) {
      throw new DomainException('not-found', 'PROCEDURE_NOT_FOUND', `no procedure ${procedureId}`);
    }
    const today = shanghaiLocalDate(new Date());
    if (awaitsAcceptance(procedure)) return this.awaitingAcceptance(procedure, today);
    if (procedure.acceptedOn === null) {
      throw new DomainException(
        'not-found',
        'NO_CLOCK',
        `${procedureId} has no clock: its application ${procedure.applicationNumber} was not accepted (status ${procedure.status})`,
      );
    }
    let view;
    try {
      view = await this.clocks.query(procedure, today);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      throw new DomainException(
        'not-found',
        'NO_CLOCK',
        `${procedureId}: the clock of application ${procedure.applicationNumber} is not running yet; the reconciler starts it`,
      );
    }
    return {
      procedureId,
      applicationNumber: view.applicationNumber,
      state: view.status,
      asOf: view.asOf,
      dueDate: view.dueDate,
      provisional: view.provisional ?? false,
      calendarVersion: view.calendarVersion ?? 0,
      remainingWorkingDays: view.remainingWorkingDays,
      nextRung: view.nextRung,
      rungsSent: view.rungsSent,
      rungsSkipped: view.rungsSkipped,
      unavailableReason: view.unavailableReason,
      dueDateChanges: await this.dueDates.list(procedureId),
      acceptanceWindow: null,
    };
  }

  private async awaitingAcceptance(procedure: ProjectedProcedure, today: string): Promise<ClockDto> {
    const { procedureId, applicationNumber } = procedure;
    let window;
    try {
      window = await this.windows.query(procedureId, applicationNumber, today);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      throw new DomainException(
        'not-found',
        'NO_ACCEPTANCE_WINDOW',
        `${procedureId}: the acceptance window of application ${applicationNumber} is not running yet; the reconciler starts it`,
      );
    }
    return {
      procedureId,
      applicationNumber,
      state: 'AWAITING_ACCEPTANCE',
      asOf: today,
      dueDate: null,
      provisional: false,
      calendarVersion: window.calendarVersion,
      remainingWorkingDays: null,
      nextRung: null,
      rungsSent: [],
      rungsSkipped: [],
      unavailableReason: null,
      dueDateChanges: [],
      acceptanceWindow: {
        status: window.status,
        receivedOn: window.receivedOn,
        closesOn: window.closesOn,
        remainingWorkingDays: window.remainingWorkingDays,
        provisional: window.provisional,
        lapsesAt: window.lapsesAt,
        lapseReports: window.lapseReports,
        remindersSent: window.remindersSent,
      },
    };
  }
}
