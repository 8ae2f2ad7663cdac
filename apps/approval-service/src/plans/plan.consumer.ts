import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ProcedurePlanChangedV1, Topics } from '@banjie/contracts';
import { EventConsumer, handle, type KafkaBatchContext } from '@banjie/platform';
import { PlanSyncService } from './plan-sync.service';

export const PLAN_CONSUMER = 'approval.procedure-plan';

/** Turns each new version of a project's procedure plan into its 11 procedures. */
@Controller()
export class PlanConsumer {
  private readonly handlers = [
    handle(ProcedurePlanChangedV1, (envelope, tx) => this.plans.apply(envelope, tx)),
  ];

  constructor(
    private readonly events: EventConsumer,
    private readonly plans: PlanSyncService,
  ) {}

  @EventPattern(Topics.INTAKE_PROCEDURE_PLAN)
  async onPlanEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, PLAN_CONSUMER, this.handlers);
  }
}
