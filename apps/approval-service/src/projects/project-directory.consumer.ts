import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import {
  ProjectLifecycleChangedV1,
  ProjectRegisteredV1,
  ProjectUpdatedV1,
  Topics,
  type PayloadOf,
} from '@banjie/contracts';
import { EventConsumer, handle, type KafkaBatchContext, type Tx } from '@banjie/platform';
import { helperLogins, ProjectDirectoryRepository } from './project-directory.repository';

export const PROJECT_DIRECTORY_CONSUMER = 'approval.project-directory';

type ProjectSnapshot = Pick<PayloadOf<typeof ProjectRegisteredV1>, 'public' | 'internal'>;

/**
 * Keeps each project's owner enterprise and helper logins current — the authorisation of applicants
 * depends on them — and its name and industrial chain, which the delay report groups by.
 */
@Controller()
export class ProjectDirectoryConsumer {
  private readonly handlers = [
    handle(ProjectRegisteredV1, (envelope, tx) => this.upsert(envelope.payload, tx)),
    handle(ProjectUpdatedV1, (envelope, tx) => this.upsert(envelope.payload, tx)),
    handle(ProjectLifecycleChangedV1, (envelope, tx) => this.upsert(envelope.payload, tx)),
  ];

  constructor(
    private readonly events: EventConsumer,
    private readonly directory: ProjectDirectoryRepository,
  ) {}

  @EventPattern(Topics.INTAKE_PROJECT)
  async onProjectEvent(@Ctx() context: KafkaBatchContext): Promise<void> {
    await this.events.consume(context, PROJECT_DIRECTORY_CONSUMER, this.handlers);
  }

  private upsert({ public: project, internal }: ProjectSnapshot, tx: Tx): Promise<void> {
    return this.directory.upsertFromProject(tx, {
      code: project.code,
      name: project.name,
      chain: project.chain,
      ownerEnterpriseId: internal.ownerEnterpriseId,
      helperLogins: helperLogins(internal.helpers),
      version: internal.version,
    });
  }
}
