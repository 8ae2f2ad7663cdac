import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LifecycleState } from '@banjie/contracts';
import { queryPage, type Page, type PageQuery, type Tx } from '@banjie/platform';

/** A recorded move along the lifecycle. */
export interface LifecycleMove {
  from: LifecycleState;
  to: LifecycleState;
  effectiveDate: string;
  actor: string;
  reason: string | null;
  recordedAt: Date;
}

/** The moves of projects along their lifecycle (`intake.lifecycle_transitions`). */
@Injectable()
export class LifecycleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The latest day a move of the project took effect, or null before its first move. */
  async lastEffectiveDate(tx: Tx, code: string): Promise<string | null> {
    const [{ date }] = (await tx.query(
      `SELECT max(effective_date)::text AS date FROM intake.lifecycle_transitions WHERE project_code = $1`,
      [code],
    )) as [{ date: string | null }];
    return date;
  }

  async insertMove(tx: Tx, code: string, move: Omit<LifecycleMove, 'recordedAt'>): Promise<void> {
    await tx.query(
      `INSERT INTO intake.lifecycle_transitions (project_code, from_state, to_state, effective_date, actor, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
      [code, move.from, move.to, move.effectiveDate, move.actor, move.reason],
    );
  }

  /** One page of a project's moves, in the order they were made. */
  movesOf(code: string, query: PageQuery): Promise<Page<LifecycleMove>> {
    return queryPage<LifecycleMove>(
      this.dataSource,
      {
        columns: `from_state AS "from", to_state AS "to", effective_date::text AS "effectiveDate", actor, reason,
          recorded_at AS "recordedAt"`,
        from: 'FROM intake.lifecycle_transitions WHERE project_code = $1',
        orderBy: 'id',
        parameters: [code],
      },
      query,
    );
  }
}
