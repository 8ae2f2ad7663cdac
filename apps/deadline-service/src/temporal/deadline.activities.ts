import { Injectable } from '@nestjs/common';
import type { DeadlineActivities, EscalationRequest } from '@banjie/workflows';
import { withCorrelationId } from '@banjie/platform';
import { EscalationService } from '../escalations/escalation.service';

/** The activities of Banjie's workflows, as a Nest provider bound into the worker. */
@Injectable()
export class DeadlineActivitiesProvider {
  constructor(private readonly escalations: EscalationService) {}

  activities(): DeadlineActivities {
    return {
      millisecondsUntil: async (instant) => Math.max(0, Date.parse(instant) - Date.now()),
      raiseEscalation: (request: EscalationRequest) =>
        withCorrelationId(request.correlationId, async () => {
          await this.escalations.raise(request);
        }),
    };
  }
}
