import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import {
  ProjectLifecycleChangedV1,
  ProjectRegisteredV1,
  ProjectUpdatedV1,
  Topics,
  type EnvelopeOf,
  type PayloadOf,
} from '@banjie/contracts';
import { hasBegunConstruction, isOnProjectList } from '@banjie/domain';
import { EventConsumer, handle, type KafkaBatchContext } from '@banjie/platform';
import { ProjectStartWatchStarter } from '../temporal/project-start-watch.starter';

export const PROJECT_DIRECTORY_CONSUMER = 'deadline.project-directory';

type ProjectSnapshot = Pick<PayloadOf<typeof ProjectRegisteredV1>, 'public' | 'internal'>;

/** Keeps the deadline service's project directory, and each project's start watch, in step with intake. */
@Controller()
export class ProjectDirectoryConsumer {
  private readonly handlers = [
    handle(ProjectRegisteredV1, (envelope, manager) => this.onRegistered(envelope, manager)),
    handle(ProjectUpdatedV1, (envelope, manager) => this.upsert(envelope.payload, manager)),
    handle(ProjectLifecycleChangedV1, (envelope, manager) => this.onLifecycleChanged(envelope, manager)),
  ];

  constructor(
    private readonly events: EventConsumer,
    private readonly startWatch: ProjectStartWatchStarter,
  ) {}

  @EventPattern(Topics.INTAKE_PROJECT)
  async onProjectEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, PROJECT_DIRECTORY_CONSUMER, this.handlers);
  }

  private async onRegistered(
    envelope: EnvelopeOf<typeof ProjectRegisteredV1>,
    manager: EntityManager,
  ): Promise<void> {
    await this.upsert(envelope.payload, manager);
    const project = envelope.payload.public;
    if (!hasBegunConstruction(project.state, project.type) && isOnProjectList(project.state)) {
      await this.startWatch.start(project.code, project.plannedStart, envelope.correlationId);
    }
  }

  private async onLifecycleChanged(
    envelope: EnvelopeOf<typeof ProjectLifecycleChangedV1>,
    manager: EntityManager,
  ): Promise<void> {
    await this.upsert(envelope.payload, manager);
    const { code, type, transition } = envelope.payload.public;
    if (hasBegunConstruction(transition.to, type)) await this.startWatch.constructionBegan(code);
    else if (!isOnProjectList(transition.to)) await this.startWatch.close(code);
  }

  /** Newer facts win: an event older than the directory's version changes nothing. */
  private async upsert(
    { public: project, internal }: ProjectSnapshot,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO deadline.project_directory (code, name, type, chain, state, planned_start, helpers, leading_official, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, chain = EXCLUDED.chain,
         state = EXCLUDED.state, planned_start = EXCLUDED.planned_start, helpers = EXCLUDED.helpers,
         leading_official = EXCLUDED.leading_official, version = EXCLUDED.version
       WHERE project_directory.version < EXCLUDED.version`,
      [
        project.code,
        project.name,
        project.type,
        project.chain,
        project.state,
        project.plannedStart,
        JSON.stringify(internal.helpers),
        internal.leadingOfficial,
        internal.version,
      ],
    );
  }
}
