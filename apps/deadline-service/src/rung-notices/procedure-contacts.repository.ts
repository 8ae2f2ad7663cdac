import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Who can be told about a procedure: its helpers from the approval events and, from the project directory, the project's. */
export interface ProcedureContactsRow {
  procedureHelpers: string[] | null;
  directoryHelpers: { userId?: string }[] | null;
  leadingOfficial: string | null;
}

@Injectable()
export class ProcedureContactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Nulls for what the projection or the directory does not know (yet). */
  async findContacts(procedureId: string, projectCode: string): Promise<ProcedureContactsRow> {
    const [row]: ProcedureContactsRow[] = await this.dataSource.query(
      `SELECT p.helpers AS "procedureHelpers", d.helpers AS "directoryHelpers", d.leading_official AS "leadingOfficial"
         FROM (SELECT 1) one
         LEFT JOIN deadline.procedures p ON p.procedure_id = $1
         LEFT JOIN deadline.project_directory d ON d.code = $2`,
      [procedureId, projectCode],
    );
    return row!;
  }
}
