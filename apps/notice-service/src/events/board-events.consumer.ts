import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { PROCEDURE_EVENTS, ProjectLifecycleChangedV1, ProjectRegisteredV1, ProjectUpdatedV1, Topics } from '@banjie/contracts';
import { EventConsumer, handle } from '@banjie/platform';
import { BoardUpdater } from '../board/board-updater.service';

export const FLAG_BOARD_CONSUMER = 'notice.flag-board';

/** Project events (intake) and procedure events (approval) into the public board, once each. */
@Controller()
export class BoardEventsConsumer {
  private readonly projectHandlers = [ProjectRegisteredV1, ProjectUpdatedV1, ProjectLifecycleChangedV1].map((definition) =>
    handle(definition, (envelope, manager) => this.updater.applyProjectEvent(envelope, manager)),
  );

  private readonly procedureHandlers = PROCEDURE_EVENTS.map((definition) =>
    handle(definition, (envelope, manager) => this.updater.applyProcedureEvent(envelope, manager)),
  );

  constructor(
    private readonly events: EventConsumer,
    private readonly updater: BoardUpdater,
  ) {}

  @EventPattern(Topics.INTAKE_PROJECT)
  async onProjectEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.events.consume(context, FLAG_BOARD_CONSUMER, this.projectHandlers);
  }

  @EventPattern(Topics.APPROVAL_PROCEDURE)
  async onProcedureEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.events.consume(context, FLAG_BOARD_CONSUMER, this.procedureHandlers);
  }
}
