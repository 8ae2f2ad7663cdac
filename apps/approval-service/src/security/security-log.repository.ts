import { Injectable } from '@nestjs/common';
import { currentCorrelationId, type Actor, type Tx } from '@banjie/platform';

/** What the security log records: an action tried on a procedure the caller cannot see. */
export const SecurityEvent = { ACTION_ON_HIDDEN_PROCEDURE: 'ACTION_ON_HIDDEN_PROCEDURE' } as const;
export type SecurityEvent = (typeof SecurityEvent)[keyof typeof SecurityEvent];

export interface SecurityLogEntry {
  event: SecurityEvent;
  procedureId: string;
  action: string;
  actor: Actor;
}

/**
 * `approval.security_log`: who tried what on which procedure, and when — never what they wrote
 * (no note, no body). Kept apart from the procedures' audit trails, which only their parties see.
 */
@Injectable()
export class SecurityLogRepository {
  async append(tx: Tx, entry: SecurityLogEntry): Promise<void> {
    await tx.query(
      `INSERT INTO approval.security_log (event, procedure_id, action, actor, actor_role, actor_department, actor_enterprise_id, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.event,
        entry.procedureId,
        entry.action,
        entry.actor.sub,
        entry.actor.role,
        entry.actor.department ?? null,
        entry.actor.enterpriseId ?? null,
        currentCorrelationId() ?? null,
      ],
    );
  }
}
