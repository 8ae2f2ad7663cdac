import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  ProjectLifecycleChangedV1,
  ProjectRegisteredV1,
  ProjectUpdatedV1,
  Topics,
  type EnvelopeOf,
} from '@banjie/contracts';
import { hasBegunConstruction, isOnProjectList } from '@banjie/domain';
import { EventConsumer, handle, type KafkaBatchContext, type Tx } from '@banjie/platform';
import { ProjectStartWatchStarter } from './project-start-watch.starter';
import { ProjectDirectoryRepository } from './project-directory.repository';

export const PROJECT_DIRECTORY_CONSUMER = 'deadline.project-directory';

/** Keeps the deadline service's project directory, and each project's start watch, in step with intake. */
@Controller()
export class ProjectDirectoryConsumer {
  private readonly handlers = [
    handle(ProjectRegisteredV1, (envelope, tx) => this.onRegistered(envelope, tx)),
    handle(ProjectUpdatedV1, (envelope, tx) => this.directory.upsert(tx, envelope.payload)),
    handle(ProjectLifecycleChangedV1, (envelope, tx) => this.onLifecycleChanged(envelope, tx)),
  ];

  constructor(
    private readonly events: EventConsumer,
    private readonly directory: ProjectDirectoryRepository,
    private readonly startWatch: ProjectStartWatchStarter,
  ) {}

  @EventPattern(Topics.INTAKE_PROJECT)
  async onProjectEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, PROJECT_DIRECTORY_CONSUMER, this.handlers);
  }

  private async onRegistered(envelope: EnvelopeOf<typeof ProjectRegisteredV1>, tx: Tx): Promise<void> {
    await this.directory.upsert(tx, envelope.payload);
    const project = envelope.payload.public;
    if (!hasBegunConstruction(project.state, project.type) && isOnProjectList(project.state)) {
      await this.startWatch.start(project.code, project.plannedStart, envelope.correlationId);
    }
  }

  private async onLifecycleChanged(
    envelope: EnvelopeOf<typeof ProjectLifecycleChangedV1>,
    tx: Tx,
  ): Promise<void> {
    await this.directory.upsert(tx, envelope.payload);
    const { code, type, transition } = envelope.payload.public;
    if (hasBegunConstruction(transition.to, type)) await this.startWatch.constructionBegan(code);
    else if (!isOnProjectList(transition.to)) await this.startWatch.close(code);
  }
}
