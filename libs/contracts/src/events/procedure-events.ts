import { ProcedureAction } from '../enums';
import { ProcedureAcceptedV1 } from './procedure-accepted.v1';
import { ProcedureApprovedV1 } from './procedure-approved.v1';
import {
  ProcedureExcludedPeriodBegunV1,
  ProcedureExcludedPeriodEndedV1,
} from './procedure-excluded-period.v1';
import { ProcedureExtendedV1 } from './procedure-extended.v1';
import { ProcedureMarkedAlreadyHeldV1 } from './procedure-marked-already-held.v1';
import { ProcedureMarkedNotApplicableV1 } from './procedure-marked-not-applicable.v1';
import { ProcedureOpenedV1 } from './procedure-opened.v1';
import { ProcedureRefusedV1 } from './procedure-refused.v1';
import { ProcedureReplannedV1 } from './procedure-replanned.v1';
import { ProcedureResubmittedV1 } from './procedure-resubmitted.v1';
import { ProcedureSubmittedV1 } from './procedure-submitted.v1';
import { ProcedureSupplementRequestedV1 } from './procedure-supplement-requested.v1';
import { ProcedureWithdrawnV1 } from './procedure-withdrawn.v1';

/** The event each action of the procedure state machine publishes. */
export const PROCEDURE_ACTION_EVENTS = {
  [ProcedureAction.SUBMIT]: ProcedureSubmittedV1,
  [ProcedureAction.ACCEPT]: ProcedureAcceptedV1,
  [ProcedureAction.REQUEST_SUPPLEMENT]: ProcedureSupplementRequestedV1,
  [ProcedureAction.RESUBMIT]: ProcedureResubmittedV1,
  [ProcedureAction.APPROVE]: ProcedureApprovedV1,
  [ProcedureAction.REFUSE]: ProcedureRefusedV1,
  [ProcedureAction.EXTEND]: ProcedureExtendedV1,
  [ProcedureAction.MARK_NOT_APPLICABLE]: ProcedureMarkedNotApplicableV1,
  [ProcedureAction.MARK_ALREADY_HELD]: ProcedureMarkedAlreadyHeldV1,
  [ProcedureAction.WITHDRAW]: ProcedureWithdrawnV1,
  // Published like any acceptance, with `deemedAccepted: true` in the snapshot.
  [ProcedureAction.DEEM_ACCEPT]: ProcedureAcceptedV1,
  [ProcedureAction.BEGIN_EXCLUDED_PERIOD]: ProcedureExcludedPeriodBegunV1,
  [ProcedureAction.END_EXCLUDED_PERIOD]: ProcedureExcludedPeriodEndedV1,
} as const;

/** Every event on `approval.procedure.v1`: each carries the procedure's whole public snapshot. */
export const PROCEDURE_EVENTS = [
  ProcedureOpenedV1,
  ProcedureReplannedV1,
  ...new Set(Object.values(PROCEDURE_ACTION_EVENTS)),
] as const;
export type ProcedureEventDefinition = (typeof PROCEDURE_EVENTS)[number];
