import { ProcedureStatus, type PayloadOf, type AcceptanceWindowLapsedV1 } from '@banjie/contracts';
import { acceptanceReceivedOn, parseLocalDate, type WorkingDayCalendar } from '@banjie/domain';
import { withCalendar } from '../procedures/procedure-clock';
import { acceptanceWindowOf } from '../procedures/procedure-acceptance';
import type { ProcedureRecord } from '../procedures/procedure.record';

export type AcceptanceLapse = PayloadOf<typeof AcceptanceWindowLapsedV1>;

/** What art. 32 says the system records when it deems an application accepted; the reason of its audit row and event. */
export const DEEMED_ACCEPTANCE_REASON =
  '《中华人民共和国行政许可法》第三十二条：受理期限届满未作决定，自收到申请材料之日起即为受理';

/**
 * Why a lapse reported by the deadline service no longer deems anything accepted, or null when it
 * does: the procedure must still wait for acceptance of the same application on the same materials
 * (no supplement asked or delivered since), and by this service's own calendar its window must have
 * lapsed by `today`. Anything else is history the deadline service has not heard of yet.
 */
export function whyLapseDoesNotApply(
  record: ProcedureRecord,
  lapse: AcceptanceLapse,
  today: string,
  calendar: WorkingDayCalendar,
): string | null {
  if (record.status !== ProcedureStatus.SUBMITTED) return `the procedure is ${record.status}, not SUBMITTED`;
  if (record.applicationNumber !== lapse.applicationNumber)
    return `application ${lapse.applicationNumber} is not the current one (${record.applicationNumber})`;
  const receivedOn = acceptanceReceivedOn(record);
  if (receivedOn !== lapse.receivedOn)
    return receivedOn === null
      ? 'a supplement asked for before acceptance is owed by the applicant'
      : `the materials were received on ${receivedOn}, not ${lapse.receivedOn}`;
  const window = withCalendar(() => acceptanceWindowOf(record, calendar));
  if (window.value === null)
    return `the calendar cannot count the window: ${window.unavailable?.message ?? 'no window'}`;
  if (!window.value.hasLapsed(parseLocalDate(today)))
    return `the window closes on ${window.value.closesOn}: not lapsed as of ${today}`;
  return null;
}
