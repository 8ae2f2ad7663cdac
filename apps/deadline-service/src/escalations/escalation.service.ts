import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EscalationRaisedV1 } from '@banjie/contracts';
import { appendToOutbox } from '@banjie/platform';
import type { EscalationRequest } from '@banjie/workflows';
import { EscalationEntity } from './escalation.entity';

@Injectable()
export class EscalationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Raises an escalation once per (subject, rung): the ledger's unique key makes a retried
   * activity harmless. The row and its event commit together. Returns false if already raised.
   */
  async raise(request: EscalationRequest, raisedAt: Date = new Date()): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(EscalationEntity)
        .values({
          id,
          subject: request.subject,
          rung: request.rung,
          projectCode: request.projectCode,
          procedureId: request.procedureId ?? null,
          reason: request.reason,
          status: 'open',
          raisedAt,
        })
        .orIgnore()
        .returning('id')
        .execute();
      if (inserted.raw.length === 0) return false;
      await appendToOutbox(manager, EscalationRaisedV1, request.projectCode, {
        escalationId: id,
        subject: request.subject,
        rung: request.rung,
        projectCode: request.projectCode,
        ...(request.procedureId ? { procedureId: request.procedureId } : {}),
        reason: request.reason,
        raisedAt: raisedAt.toISOString(),
      });
      return true;
    });
  }

  list(status?: 'open' | 'acknowledged'): Promise<EscalationEntity[]> {
    return this.dataSource.getRepository(EscalationEntity).find({ where: status ? { status } : {}, order: { raisedAt: 'ASC' } });
  }
}
