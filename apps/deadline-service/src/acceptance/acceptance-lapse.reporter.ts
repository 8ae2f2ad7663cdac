import { Injectable, Logger } from '@nestjs/common';
import { AcceptanceWindowLapsedV1 } from '@banjie/contracts';
import { appendToOutbox, faultPoint, FaultPoints, Transactions } from '@banjie/platform';
import type { AcceptanceLapse } from '@banjie/workflows';

/**
 * Publishes a lapsed acceptance window for the approval service (`deadline.acceptance.v1`) through
 * the outbox. A retried activity may publish it twice: the approval service deems an application
 * accepted only while it still waits with the same materials, so a second copy changes nothing.
 */
@Injectable()
export class AcceptanceLapseReporter {
  private readonly logger = new Logger(AcceptanceLapseReporter.name);

  constructor(private readonly transactions: Transactions) {}

  async report(lapse: AcceptanceLapse): Promise<void> {
    const { report, correlationId: _correlationId, ...payload } = lapse;
    await this.transactions.run(async (tx) => {
      await appendToOutbox(tx, AcceptanceWindowLapsedV1, lapse.projectCode, payload);
      faultPoint(FaultPoints.BEFORE_COMMIT);
    });
    this.logger.log(
      `${lapse.procedureId}#${lapse.applicationNumber}: acceptance window received ${lapse.receivedOn} lapsed after ${lapse.acceptanceDueDate}; reported (${report})`,
    );
  }
}
