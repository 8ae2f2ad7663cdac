import { Injectable } from '@nestjs/common';
import type { StoredResponse } from './idempotency';
import type { Tx } from '@banjie/platform';

/** Responses of successful actions, by (caller, procedure, key); kept so a retried request gets the same answer. */
@Injectable()
export class IdempotencyRepository {
  async find(tx: Tx, caller: string, procedureId: string, key: string): Promise<StoredResponse | null> {
    const [row] = (await tx.query(
      `SELECT fingerprint, status_code AS "statusCode", response AS body FROM approval.idempotency_keys
        WHERE caller = $1 AND procedure_id = $2 AND idempotency_key = $3`,
      [caller, procedureId, key],
    )) as StoredResponse[];
    return row ?? null;
  }

  async save(
    tx: Tx,
    entry: { caller: string; key: string; procedureId: string; action: string } & StoredResponse,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO approval.idempotency_keys (caller, idempotency_key, fingerprint, procedure_id, action, status_code, response)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.caller,
        entry.key,
        entry.fingerprint,
        entry.procedureId,
        entry.action,
        entry.statusCode,
        JSON.stringify(entry.body),
      ],
    );
  }
}
