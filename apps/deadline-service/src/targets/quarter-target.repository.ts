import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '@banjie/platform';
import type { QuarterReading } from '@banjie/workflows';

export interface QuarterCheckpointRow {
  asOf: string;
  reading: QuarterReading;
  escalated: boolean;
  recordedAt: Date;
}

export interface QuarterResultRow {
  reading: QuarterReading;
  concludedAt: Date;
}

/** A quarter's recorded checkpoints (`deadline.quarter_checkpoints`) and its final result (`deadline.quarter_results`). */
@Injectable()
export class QuarterTargetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A checkpoint recorded again replaces the earlier reading. */
  async upsertCheckpoint(reading: QuarterReading, escalated: boolean): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO deadline.quarter_checkpoints (quarter, as_of, reading, escalated) VALUES ($1, $2, $3, $4)
       ON CONFLICT (quarter, as_of) DO UPDATE SET reading = EXCLUDED.reading, escalated = EXCLUDED.escalated, recorded_at = now()`,
      [reading.quarter, reading.asOf, JSON.stringify(reading), escalated],
    );
  }

  /** Records the quarter's result unless it was concluded already; true when inserted. */
  async insertResultOnce(tx: Tx, reading: QuarterReading, concludedAt: Date): Promise<boolean> {
    const inserted: { quarter: string }[] = await tx.query(
      `INSERT INTO deadline.quarter_results (quarter, reading, concluded_at) VALUES ($1, $2, $3) ON CONFLICT (quarter) DO NOTHING RETURNING quarter`,
      [reading.quarter, JSON.stringify(reading), concludedAt],
    );
    return inserted.length > 0;
  }

  /** Oldest first. */
  checkpoints(quarter: string): Promise<QuarterCheckpointRow[]> {
    return this.dataSource.query(
      `SELECT as_of::text AS "asOf", reading, escalated, recorded_at AS "recordedAt" FROM deadline.quarter_checkpoints WHERE quarter = $1 ORDER BY as_of`,
      [quarter],
    );
  }

  async findResult(quarter: string): Promise<QuarterResultRow | undefined> {
    const [row]: QuarterResultRow[] = await this.dataSource.query(
      `SELECT reading, concluded_at AS "concludedAt" FROM deadline.quarter_results WHERE quarter = $1`,
      [quarter],
    );
    return row;
  }
}
