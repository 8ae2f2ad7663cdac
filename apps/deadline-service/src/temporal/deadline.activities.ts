import { Injectable } from '@nestjs/common';
import { heartbeat } from '@temporalio/activity';
import type { DeadlineActivities, EscalationRequest } from '@banjie/workflows';
import { withCorrelationId } from '@banjie/platform';
import { AcceptanceLapseReporter } from '../acceptance/acceptance-lapse.reporter';
import { EscalationService } from '../escalations/escalation.service';
import { RungNoticeService } from '../rung-notices/rung-notice.service';
import { QuarterTargetService } from '../targets/quarter-target.service';

/** The activities of Banjie's workflows, as a Nest provider bound into the worker. */
@Injectable()
export class DeadlineActivitiesProvider {
  constructor(
    private readonly escalations: EscalationService,
    private readonly notices: RungNoticeService,
    private readonly quarterTarget: QuarterTargetService,
    private readonly lapses: AcceptanceLapseReporter,
  ) {}

  activities(): DeadlineActivities {
    return {
      millisecondsUntil: async (instant) => Math.max(0, Date.parse(instant) - Date.now()),
      currentInstant: async () => new Date().toISOString(),
      raiseEscalation: (request: EscalationRequest) =>
        withCorrelationId(request.correlationId, async () => {
          const { correlationId: _correlationId, ...record } = request;
          await this.escalations.raise({ ...record, recipients: [{ kind: 'SUPERVISORS' }] });
        }),
      sendRungNotice: (notice) => withCorrelationId(notice.correlationId, () => this.notices.send(notice)),
      reportAcceptanceLapsed: (lapse) =>
        withCorrelationId(lapse.correlationId, () => this.lapses.report(lapse)),
      readQuarterTarget: async (request) => {
        // Reading the whole projection is the one long activity: tell Temporal it is alive.
        heartbeat();
        const reading = await this.quarterTarget.read(request);
        heartbeat();
        return reading;
      },
      recordQuarterCheckpoint: (reading, escalated) =>
        this.quarterTarget.recordCheckpoint(reading, escalated),
      concludeQuarterTarget: async (reading) => {
        await this.quarterTarget.conclude(reading);
      },
    };
  }
}
