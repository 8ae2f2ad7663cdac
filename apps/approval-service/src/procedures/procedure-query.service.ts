import { Inject, Injectable } from '@nestjs/common';
import { PROCEDURE_CODES, Role } from '@banjie/contracts';
import { DomainException, pageFromList, type Actor, type Page, type PageQuery } from '@banjie/platform';
import { AuditRepository } from '../audit/audit.repository';
import { auditTrailFor, readsOnlyPublicAudit } from '../audit/audit-view';
import { WorkingDayCalendarService } from '../calendar/working-day-calendar.service';
import { APPROVAL_CONFIG, type ApprovalConfig } from '../config';
import { ProjectDirectoryRepository } from '../projects/project-directory.repository';
import type { ListProceduresQuery, ProjectProceduresQuery } from './dto/list-procedures.query';
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

  /**
   * One page of the procedures the caller may see. Paged in SQL; `dueBefore` filters on the clock
   * derived as of the day asked, so that filter pages the derived list.
   */
  async list(actor: Actor, query: ListProceduresQuery, now: Date = new Date()): Promise<Page<ProcedureView>> {
    const filter = { statuses: query.status, projectCode: query.project, department: query.department };
    if (query.dueBefore === undefined) {
      const records = await this.procedures.page(visibilityOf(actor), filter, query);
      return { ...records, items: await this.views(records.items, actor, query.asOf, now) };
    }
    const dueBefore = query.dueBefore;
    const views = await this.views(
      await this.procedures.list(visibilityOf(actor), filter),
      actor,
      query.asOf,
      now,
    );
    return pageFromList(
      views.filter((view) => view.dueDate !== null && view.dueDate <= dueBefore),
      query,
    );
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

  async auditOf(actor: Actor, procedureId: string, query: PageQuery) {
    await this.procedures.findVisible(procedureId, visibilityOf(actor));
    return auditTrailFor(
      actor,
      await this.audit.ofProcedures([procedureId], readsOnlyPublicAudit(actor), query),
    );
  }

  /** The project's procedures the caller may see (at most one per catalogue procedure: paged in memory). */
  async ofProject(
    actor: Actor,
    projectCode: string,
    query: ProjectProceduresQuery,
    now: Date = new Date(),
  ): Promise<Page<ProcedureView>> {
    const records = await this.visibleOfProject(actor, projectCode);
    return pageFromList(await this.views(records, actor, query.asOf, now), query);
  }

  async auditOfProject(actor: Actor, projectCode: string, query: PageQuery) {
    const records = await this.visibleOfProject(actor, projectCode);
    return auditTrailFor(
      actor,
      await this.audit.ofProcedures(
        records.map((r) => r.procedureId),
        readsOnlyPublicAudit(actor),
        query,
      ),
    );
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
      acceptanceClosingSoonWorkingDays: this.config.acceptanceClosingSoonWorkingDays,
      calendar,
      actor,
    };
    return [...records]
      .sort((a, b) => a.projectCode.localeCompare(b.projectCode) || catalogueOrder(a) - catalogueOrder(b))
      .map((record) => procedureView(record, scopes.get(record.projectCode)!, context));
  }
}
