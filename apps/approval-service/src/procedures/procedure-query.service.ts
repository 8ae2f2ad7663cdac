import { Inject, Injectable } from '@nestjs/common';
import { PROCEDURE_CODES, Role } from '@banjie/contracts';
import { DomainException, type Actor } from '@banjie/platform';
import { AuditRepository } from '../audit/audit.repository';
import { auditTrailFor } from '../audit/audit-view';
import { WorkingDayCalendarService } from '../calendar/working-day-calendar.service';
import { APPROVAL_CONFIG, type ApprovalConfig } from '../config';
import { ProjectDirectoryRepository } from '../projects/project-directory.repository';
import type { ListProceduresQuery } from './dto/list-procedures.query';
import { procedureView, type ProcedureView } from './procedure-view';
import { visibilityOf } from './procedure-visibility';
import type { ProcedureRecord } from './procedure.record';
import { ProcedureRepository } from './procedure.repository';

const catalogueOrder = (record: ProcedureRecord) => PROCEDURE_CODES.indexOf(record.procedure);

/** Reads procedures as the caller may see them, with their clocks derived as of a day. */
@Injectable()
export class ProcedureQueryService {
  constructor(
    @Inject(APPROVAL_CONFIG) private readonly config: ApprovalConfig,
    private readonly procedures: ProcedureRepository,
    private readonly projects: ProjectDirectoryRepository,
    private readonly audit: AuditRepository,
    private readonly calendars: WorkingDayCalendarService,
  ) {}

  async list(actor: Actor, query: ListProceduresQuery, now: Date = new Date()) {
    const records = await this.procedures.list(visibilityOf(actor), {
      statuses: query.status,
      projectCode: query.project,
      department: query.department,
    });
    let views = await this.views(records, actor, query.asOf, now);
    if (query.dueBefore !== undefined) {
      const dueBefore = query.dueBefore;
      views = views.filter((view) => view.dueDate !== null && view.dueDate <= dueBefore);
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 200;
    return {
      items: views.slice((page - 1) * pageSize, page * pageSize),
      total: views.length,
      page,
      pageSize,
    };
  }

  async get(
    actor: Actor,
    procedureId: string,
    asOf?: string,
    now: Date = new Date(),
  ): Promise<ProcedureView> {
    const record = await this.procedures.findVisible(procedureId, visibilityOf(actor));
    const [view] = await this.views([record], actor, asOf, now);
    return view!;
  }

  async auditOf(actor: Actor, procedureId: string) {
    await this.procedures.findVisible(procedureId, visibilityOf(actor));
    return auditTrailFor(actor, await this.audit.ofProcedure(procedureId));
  }

  async ofProject(
    actor: Actor,
    projectCode: string,
    asOf?: string,
    now: Date = new Date(),
  ): Promise<ProcedureView[]> {
    return this.views(await this.visibleOfProject(actor, projectCode), actor, asOf, now);
  }

  async auditOfProject(actor: Actor, projectCode: string) {
    const records = await this.visibleOfProject(actor, projectCode);
    return records.length === 0
      ? []
      : auditTrailFor(actor, await this.audit.ofProcedures(records.map((r) => r.procedureId)));
  }

  /** A department sees its own procedures of any project; an enterprise or helper sees nothing of another's project (404). */
  private async visibleOfProject(actor: Actor, projectCode: string): Promise<ProcedureRecord[]> {
    await this.projects.find(projectCode);
    const records = await this.procedures.list(visibilityOf(actor), { projectCode });
    if (records.length === 0 && (actor.role === Role.ENTERPRISE || actor.role === Role.HELPER)) {
      throw new DomainException(
        'not-found',
        'PROJECT_NOT_FOUND',
        `no procedures known for project ${projectCode}`,
      );
    }
    return records;
  }

  private async views(
    records: ProcedureRecord[],
    actor: Actor,
    asOf: string | undefined,
    now: Date,
  ): Promise<ProcedureView[]> {
    const calendar = await this.calendars.current();
    const scopes = await this.projects.scopes([...new Set(records.map((r) => r.projectCode))]);
    const context = {
      asOf: asOf ?? this.calendars.today(now),
      dueSoonWorkingDays: this.config.dueSoonWorkingDays,
      calendar,
      actor,
    };
    return [...records]
      .sort((a, b) => a.projectCode.localeCompare(b.projectCode) || catalogueOrder(a) - catalogueOrder(b))
      .map((record) => procedureView(record, scopes.get(record.projectCode)!, context));
  }
}
