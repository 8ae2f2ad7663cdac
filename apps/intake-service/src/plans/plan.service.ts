import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProcedurePlanChangedV1, type PlanItem } from '@banjie/contracts';
import { shanghaiLocalDate } from '@banjie/domain';
import { appendToOutbox, DomainException, fieldErrors, type Actor } from '@banjie/platform';
import { authoredRecordFor } from '../projects/people-data';
import type { ProjectEntity } from '../projects/project.entity';
import { actorName, ProjectRepository } from '../projects/project.repository';
import type { PutPlanDto } from './dto/put-plan.dto';
import { planViolations, resolvePlan } from './plan-rules';

export interface PlanVersion {
  projectCode: string;
  planVersion: number;
  effectiveDate: string;
  items: PlanItem[];
  actor: string;
  reason: string | null;
  recordedAt: Date;
}

const SELECT_VERSION = `SELECT project_code AS "projectCode", plan_version AS "planVersion", effective_date::text AS "effectiveDate",
  items, actor, reason, recorded_at AS "recordedAt" FROM intake.procedure_plan_versions`;

@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectRepository,
  ) {}

  /** Replaces a project's procedure plan with a new version, and publishes it for the approval service. */
  async put(code: string, input: PutPlanDto, actor: Actor, now: Date = new Date()): Promise<PlanVersion> {
    const violations = planViolations(input.items);
    if (violations.length > 0) {
      throw fieldErrors(violations.map((v) => ({ field: v.field, rules: [v.rule] })));
    }
    const today = shanghaiLocalDate(now);
    const effectiveDate = input.effectiveDate ?? today;
    if (effectiveDate > today)
      throw new DomainException(
        'bad-request',
        'FUTURE_DATE',
        `effectiveDate ${effectiveDate} is in the future (today is ${today})`,
      );
    return this.dataSource.transaction(async (manager) => {
      const project = await this.projects.lockForChange(manager, code);
      if (effectiveDate < project.listedOn) {
        throw new DomainException(
          'bad-request',
          'DATE_BEFORE_LISTING',
          `effectiveDate ${effectiveDate} is before the project was listed (${project.listedOn})`,
        );
      }
      const [previous] = (await manager.query(
        `${SELECT_VERSION} WHERE project_code = $1 ORDER BY plan_version DESC LIMIT 1`,
        [code],
      )) as PlanVersion[];
      if (previous && effectiveDate < previous.effectiveDate) {
        throw new DomainException(
          'bad-request',
          'DATE_BEFORE_HISTORY',
          `effectiveDate ${effectiveDate} is before the current plan's (${previous.effectiveDate})`,
        );
      }
      const items = resolvePlan(input.items, previous?.items);
      const planVersion = (previous?.planVersion ?? 0) + 1;
      const [stored] = (await manager.query(
        `INSERT INTO intake.procedure_plan_versions (project_code, plan_version, effective_date, items, actor, reason)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING project_code AS "projectCode", plan_version AS "planVersion", effective_date::text AS "effectiveDate", items, actor, reason, recorded_at AS "recordedAt"`,
        [code, planVersion, effectiveDate, JSON.stringify(items), actorName(actor), input.reason ?? null],
      )) as PlanVersion[];
      await this.projects.recordChange(manager, {
        code,
        version: project.version,
        kind: 'PLAN_CHANGED',
        actor,
        reason: input.reason,
        changes: { planVersion },
      });
      await appendToOutbox(
        manager,
        ProcedurePlanChangedV1,
        code,
        {
          public: { projectCode: code, planVersion, effectiveDate, items },
          internal: {
            actor: actorName(actor),
            ...(input.reason ? { reason: input.reason } : {}),
            ownerEnterpriseId: project.ownerEnterpriseId,
            helpers: project.helpers,
          },
        },
        now,
      );
      return stored!;
    });
  }

  /** The project's plan in force, as `actor` may read it (who planned it and why only for those who read people data). */
  async current(project: ProjectEntity, actor: Actor) {
    const [latest] = (await this.dataSource.query(
      `${SELECT_VERSION} WHERE project_code = $1 ORDER BY plan_version DESC LIMIT 1`,
      [project.code],
    )) as PlanVersion[];
    if (!latest)
      throw new DomainException(
        'not-found',
        'PLAN_NOT_FOUND',
        `project ${project.code} has no procedure plan yet`,
      );
    return authoredRecordFor(actor, project, latest);
  }

  /** Every version of the project's plan, as `actor` may read them. */
  async versions(project: ProjectEntity, actor: Actor) {
    const versions = (await this.dataSource.query(
      `${SELECT_VERSION} WHERE project_code = $1 ORDER BY plan_version`,
      [project.code],
    )) as PlanVersion[];
    return versions.map((version) => authoredRecordFor(actor, project, version));
  }
}
