import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  PROCEDURE_EVENTS,
  ProjectLifecycleChangedV1,
  ProjectRegisteredV1,
  ProjectUpdatedV1,
  Topics,
} from '@banjie/contracts';
import { EventConsumer, handle, type KafkaBatchContext, type Tx } from '@banjie/platform';
import { BoardUpdater } from '../board/board-updater.service';

export const FLAG_BOARD_CONSUMER = 'notice.flag-board';

/** Project events (intake) and procedure events (approval) into the public board, once each; the cards they touch refreshed once per transaction. */
@Controller()
export class BoardEventsConsumer {
  private readonly projectHandlers = [ProjectRegisteredV1, ProjectUpdatedV1, ProjectLifecycleChangedV1].map(
    (definition) => handle(definition, (envelope, tx) => this.updater.recordProjectEvent(envelope, tx)),
  );

  private readonly procedureHandlers = PROCEDURE_EVENTS.map((definition) =>
    handle(definition, (envelope, tx) => this.updater.recordProcedureEvent(envelope, tx)),
  );

  private readonly refreshCards = (projectCodes: string[], tx: Tx) =>
    this.updater.refreshCards(projectCodes, tx);

  constructor(
    private readonly events: EventConsumer,
    private readonly updater: BoardUpdater,
  ) {}

  @EventPattern(Topics.INTAKE_PROJECT)
  async onProjectEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, FLAG_BOARD_CONSUMER, this.projectHandlers, this.refreshCards);
  }

  @EventPattern(Topics.APPROVAL_PROCEDURE)
  async onProcedureEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, FLAG_BOARD_CONSUMER, this.procedureHandlers, this.refreshCards);
  }
}
