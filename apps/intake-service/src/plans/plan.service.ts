import { Injectable } from '@nestjs/common';
import { ProcedurePlanChangedV1 } from '@banjie/contracts';
import { shanghaiLocalDate } from '@banjie/domain';
import {
  appendToOutbox,
  DomainException,
  fieldErrors,
  mapPage,
  Transactions,
  type Actor,
  type PageQuery,
} from '@banjie/platform';
import { authoredRecordFor } from '../projects/people-data';
import type { Project } from '../projects/project';
import { actorName, ProjectRepository } from '../projects/project.repository';
import type { PutPlanDto } from './dto/put-plan.dto';
import { planViolations, resolvePlan } from './plan-rules';
import { PlanRepository, type PlanVersion } from './plan.repository';

@Injectable()
export class PlanService {
  constructor(
    private readonly transactions: Transactions,
    private readonly projects: ProjectRepository,
    private readonly plans: PlanRepository,
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
    return this.transactions.run(async (tx) => {
      const project = await this.projects.lockForChange(tx, code);
      if (effectiveDate < project.listedOn) {
        throw new DomainException(
          'bad-request',
          'DATE_BEFORE_LISTING',
          `effectiveDate ${effectiveDate} is before the project was listed (${project.listedOn})`,
        );
      }
      const previous = await this.plans.findLatest(tx, code);
      if (previous && effectiveDate < previous.effectiveDate) {
        throw new DomainException(
          'bad-request',
          'DATE_BEFORE_HISTORY',
          `effectiveDate ${effectiveDate} is before the current plan's (${previous.effectiveDate})`,
        );
      }
      const items = resolvePlan(input.items, previous?.items);
      const planVersion = (previous?.planVersion ?? 0) + 1;
      const stored = await this.plans.insert(tx, {
        projectCode: code,
        planVersion,
        effectiveDate,
        items,
        actor: actorName(actor),
        reason: input.reason ?? null,
      });
      await this.projects.recordChange(tx, {
        code,
        version: project.version,
        kind: 'PLAN_CHANGED',
        actor,
        reason: input.reason,
        changes: { planVersion },
      });
      await appendToOutbox(
        tx,
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
      return stored;
    });
  }

  /** The project's plan in force, as `actor` may read it (who planned it and why only for those who read people data). */
  async current(project: Project, actor: Actor) {
    const latest = await this.plans.current(project.code);
    if (!latest)
      throw new DomainException(
        'not-found',
        'PLAN_NOT_FOUND',
        `project ${project.code} has no procedure plan yet`,
      );
    return authoredRecordFor(actor, project, latest);
  }

  /** Every version of the project's plan, as `actor` may read them. */
  async versions(project: Project, query: PageQuery, actor: Actor) {
    const versions = await this.plans.versions(project.code, query);
    return mapPage(versions, (version) => authoredRecordFor(actor, project, version));
  }
}
