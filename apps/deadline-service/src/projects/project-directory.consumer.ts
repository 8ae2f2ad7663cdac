import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { ProjectRegisteredV1, Topics, type EnvelopeOf } from '@banjie/contracts';
import { EventConsumer, handle } from '@banjie/platform';
import { ProjectStartWatchStarter } from '../temporal/project-start-watch.starter';

export const PROJECT_DIRECTORY_CONSUMER = 'deadline.project-directory';

@Controller()
export class ProjectDirectoryConsumer {
  private readonly handlers = [handle(ProjectRegisteredV1, (envelope, manager) => this.onRegistered(envelope, manager))];

  constructor(
    private readonly events: EventConsumer,
    private readonly startWatch: ProjectStartWatchStarter,
  ) {}

  @EventPattern(Topics.INTAKE_PROJECT)
  async onProjectEvent(@Ctx() context: KafkaContext): Promise<void> {
    await this.events.consume(context, PROJECT_DIRECTORY_CONSUMER, this.handlers);
  }

  private async onRegistered(envelope: EnvelopeOf<typeof ProjectRegisteredV1>, manager: EntityManager): Promise<void> {
    const { public: project, internal } = envelope.payload;
    await manager.query(
      `INSERT INTO deadline.project_directory (code, name, type, chain, state, planned_start, helpers, leading_official, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, chain = EXCLUDED.chain,
         state = EXCLUDED.state, planned_start = EXCLUDED.planned_start, helpers = EXCLUDED.helpers,
         leading_official = EXCLUDED.leading_official, version = EXCLUDED.version
       WHERE project_directory.version < EXCLUDED.version`,
      [project.code, project.name, project.type, project.chain, project.state, project.plannedStart, JSON.stringify(internal.helpers), internal.leadingOfficial, internal.version],
    );
    await this.startWatch.start(project.code, project.plannedStart, envelope.correlationId);
  }
}
