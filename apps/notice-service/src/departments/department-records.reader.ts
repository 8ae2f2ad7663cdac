import { Inject, Injectable } from '@nestjs/common';
import { publicDepartmentRecords, type PublicDepartmentRecords } from '@banjie/contracts';
import { isOnProjectList, type LocalDate } from '@banjie/domain';
import { Transactions, type Tx } from '@banjie/platform';
import { FLAG_RULES } from '../board/board.tokens';
import { pastDay } from '../board/past-day';
import type { FlagRules } from '../board/procedure-reading';
import { CLOCK, todayIn, type Clock } from '../clock/clock';
import { projectAsOf, proceduresAsOf } from '../history/facts-as-of';
import type { ProcedureFacts } from '../history/public-facts';
import { PublicHistoryRepository } from '../history/public-history.repository';
import { departmentRecords } from './department-record';

export type DepartmentRecordFilters = PublicDepartmentRecords['filters'];

/**
 * Each department's public record as of any day, computed from the stored public history like a
 * past day's board (today's too: nothing is stored for it), over the procedures of the projects
 * on the list that day, and validated against the strict public contract before it is served.
 */
@Injectable()
export class DepartmentRecordsReader {
  constructor(
    private readonly transactions: Transactions,
    private readonly history: PublicHistoryRepository,
    @Inject(FLAG_RULES) private readonly rules: FlagRules,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async records(filters: DepartmentRecordFilters, asOf?: string): Promise<PublicDepartmentRecords> {
    const today = todayIn(this.clock);
    const day = asOf === undefined ? today : pastDay(asOf, today);
    const procedures = await this.transactions.run((tx) => this.proceduresOnTheList(tx, filters, day));
    return publicDepartmentRecords.parse({
      asOf: day,
      filters,
      departments: departmentRecords(procedures, day, this.rules),
    });
  }

  private async proceduresOnTheList(
    tx: Tx,
    filters: DepartmentRecordFilters,
    day: LocalDate,
  ): Promise<ProcedureFacts[]> {
    const [projects, procedures] = await Promise.all([
      this.history.projects(tx, 'all', day),
      this.history.procedures(tx, 'all', day),
    ]);
    const counted: ProcedureFacts[] = [];
    for (const [code, entries] of projects) {
      const project = projectAsOf(entries, day)?.facts;
      if (!project || !isOnProjectList(project.state)) continue;
      if (filters.cluster && project.cluster !== filters.cluster) continue;
      if (filters.chain && project.chain !== filters.chain) continue;
      counted.push(...proceduresAsOf(procedures.get(code) ?? [], day));
    }
    return counted;
  }
}
