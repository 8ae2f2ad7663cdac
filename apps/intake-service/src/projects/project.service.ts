import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LifecycleState, ProjectRegisteredV1 } from '@banjie/contracts';
import { appendToOutbox, DomainException, type Actor } from '@banjie/platform';
import type { RegisterProjectDto } from './dto/register-project.dto';
import { ProjectEntity } from './project.entity';
import { projectEventPayload } from './project.mapper';

@Injectable()
export class ProjectService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Registers a key project under a new lifelong code; the project and its event commit together. */
  async register(input: RegisterProjectDto, registeredAt: Date = new Date()): Promise<ProjectEntity> {
    return this.dataSource.transaction(async (manager) => {
      const [{ seq }] = await manager.query(`SELECT nextval('intake.project_code_seq') AS seq`);
      const code = `BJ-${registeredAt.getUTCFullYear()}-${String(seq).padStart(4, '0')}`;
      const project = manager.create(ProjectEntity, {
        code,
        name: input.name,
        ownerEnterpriseId: input.ownerEnterprise.id,
        ownerEnterpriseName: input.ownerEnterprise.name,
        totalInvestment: input.totalInvestment,
        cluster: input.cluster,
        chain: input.chain,
        type: input.type,
        location: input.location,
        plannedStart: input.plannedStart,
        responsibleUnit: input.responsibleUnit,
        helpers: input.helpers.map((helper) => ({ ...helper })),
        leadingOfficial: input.leadingOfficial,
        state: input.state ?? LifecycleState.SIGNED,
        suspendedFrom: null,
        registeredAt,
        updatedAt: registeredAt,
      });
      const saved = await manager.save(project);
      await appendToOutbox(manager, ProjectRegisteredV1, saved.code, projectEventPayload(saved), registeredAt);
      return saved;
    });
  }

  /** A project, if the caller may read it: an enterprise reads only its own. */
  async get(code: string, actor: Actor): Promise<ProjectEntity> {
    const project = await this.dataSource.getRepository(ProjectEntity).findOneBy({ code });
    if (!project || (actor.role === 'enterprise' && project.ownerEnterpriseId !== actor.enterpriseId)) {
      throw new DomainException('not-found', 'PROJECT_NOT_FOUND', `no project with code ${code}`);
    }
    return project;
  }
}
