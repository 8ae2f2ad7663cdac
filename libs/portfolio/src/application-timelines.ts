// One procedure's applications laid out on working-day numbers (see WorkingDays): the clock
// arithmetic is the approval service's — the acceptance day does not count, the working days of a
// supplement request (request, resubmission] do not count, an extension adds to the limit.
import { ProcedureAction } from '@banjie/contracts';
import type { Dice } from './dice';

const A = ProcedureAction;

/** One action on working day number `day`. */
export interface TimedAction {
  action: ProcedureAction;
  day: number;
  /** For `extend`: the working days granted. */
  extensionDays?: number;
}

export interface ApplicationContext {
  /** The committed limit of the procedure, in working days. */
  limit: number;
  /** The first working day the applicant can submit (listed, and the procedures it rests on approved). */
  earliestSubmit: number;
  dice: Dice;
}

/** How a procedure stands on the report day when it has not been approved by then. */
export type OpenState = 'RED' | 'YELLOW' | 'BLUE' | 'PAUSED' | 'SUBMITTED' | 'REFUSED' | 'PLANNED';

/** Days from submission to acceptance (受理). */
const acceptanceDelay = (dice: Dice) => dice.int(1, 3);

/** Working days a department takes on an application it approves in time: 30–95 % of the limit. */
const processingDays = (limit: number, dice: Dice) =>
  Math.min(limit, Math.max(1, Math.round(limit * (0.3 + 0.65 * dice.next()))));

function fits(actions: TimedAction[], context: ApplicationContext): TimedAction[] | null {
  return actions[0]!.day >= context.earliestSubmit ? actions : null;
}

/** Submitted, accepted and approved `days` working days later, with nothing in between. */
function plain(
  context: ApplicationContext,
  approveOn: number,
  days: number,
  delay = acceptanceDelay(context.dice),
): TimedAction[] | null {
  const acceptOn = approveOn - days;
  return fits(
    [
      { action: A.SUBMIT, day: acceptOn - delay },
      { action: A.ACCEPT, day: acceptOn },
      { action: A.APPROVE, day: approveOn },
    ],
    context,
  );
}

/** A supplement request (补正) part-way: the clock stops for the days the applicant takes to answer. */
function withSupplement(context: ApplicationContext, approveOn: number): TimedAction[] | null {
  const days = processingDays(context.limit, context.dice);
  if (days < 2) return null;
  const countedBeforeRequest = context.dice.int(1, days - 1);
  const paused = context.dice.int(2, 6);
  const acceptOn = approveOn - days - paused;
  const requestOn = acceptOn + countedBeforeRequest;
  return fits(
    [
      { action: A.SUBMIT, day: acceptOn - acceptanceDelay(context.dice) },
      { action: A.ACCEPT, day: acceptOn },
      { action: A.REQUEST_SUPPLEMENT, day: requestOn },
      { action: A.RESUBMIT, day: requestOn + paused },
      { action: A.APPROVE, day: approveOn },
    ],
    context,
  );
}

/** The department extends the limit shortly before it runs out, and approves within the extension. */
function extended(context: ApplicationContext, approveOn: number): TimedAction[] | null {
  const { limit, dice } = context;
  const extensionDays = dice.int(3, 8);
  const days = limit + dice.int(1, extensionDays);
  const acceptOn = approveOn - days;
  return fits(
    [
      { action: A.SUBMIT, day: acceptOn - acceptanceDelay(dice) },
      { action: A.ACCEPT, day: acceptOn },
      { action: A.EXTEND, day: acceptOn + dice.int(Math.max(1, limit - 3), limit), extensionDays },
      { action: A.APPROVE, day: approveOn },
    ],
    context,
  );
}

/** A first application refused; the applicant reworks the file and applies again, and that one is approved. */
function refusedFirst(context: ApplicationContext, approveOn: number): TimedAction[] | null {
  const { limit, dice } = context;
  const second = plain(context, approveOn, processingDays(limit, dice));
  if (!second) return null;
  const refuseOn = second[0]!.day - dice.int(3, 8);
  const acceptOn = refuseOn - dice.int(Math.min(2, limit), limit);
  return fits(
    [
      { action: A.SUBMIT, day: acceptOn - acceptanceDelay(dice) },
      { action: A.ACCEPT, day: acceptOn },
      { action: A.REFUSE, day: refuseOn },
      ...second,
    ],
    context,
  );
}

/**
 * An approval on `approveOn`, worked back to its submission: mostly in time, some after a
 * supplement request, a few extended, late, or refused once first. Falls back to a plain
 * application, and then to a quick one, when the story does not fit after `earliestSubmit`.
 * Requires approveOn ≥ earliestSubmit + 2 (a day to accept, a day to approve).
 */
export function approvedTimeline(context: ApplicationContext, approveOn: number): TimedAction[] {
  if (approveOn < context.earliestSubmit + 2)
    throw new RangeError(
      `an approval on day ${approveOn} leaves no time after day ${context.earliestSubmit}`,
    );
  const { limit, dice } = context;
  const roll = dice.next();
  const story =
    roll < 0.035
      ? refusedFirst(context, approveOn)
      : roll < 0.085
        ? extended(context, approveOn)
        : roll < 0.135
          ? plain(context, approveOn, limit + dice.int(1, 3))
          : roll < 0.36
            ? withSupplement(context, approveOn)
            : null;
  return (
    story ??
    plain(context, approveOn, processingDays(limit, dice)) ??
    plain(
      context,
      approveOn,
      Math.min(processingDays(limit, dice), approveOn - context.earliestSubmit - 1),
      1,
    )!
  );
}

/**
 * The actions that leave a procedure in `state` on report day `reportDay` (nothing after it), or
 * null when that cannot be done after `earliestSubmit`. RED: accepted, 1–4 working days past its
 * limit; YELLOW: 0–`dueSoon` working days left; BLUE: more left; PAUSED: a supplement request
 * open, its clock frozen with more than `dueSoon` days left; SUBMITTED: not accepted yet;
 * REFUSED: refused, not applied again yet.
 */
export function openTimeline(
  context: ApplicationContext,
  state: OpenState,
  reportDay: number,
  dueSoon: number,
): TimedAction[] | null {
  const { limit, dice } = context;
  const accepted = (counted: number): TimedAction[] => {
    const acceptOn = reportDay - counted;
    return [
      { action: A.SUBMIT, day: acceptOn - acceptanceDelay(dice) },
      { action: A.ACCEPT, day: acceptOn },
    ];
  };
  const roomy = limit - dueSoon - 1;
  switch (state) {
    case 'RED':
      return fits(accepted(limit + dice.int(1, 4)), context);
    case 'YELLOW':
      return fits(accepted(limit - dice.int(0, Math.min(dueSoon, limit))), context);
    case 'BLUE':
      return roomy < 0 ? null : fits(accepted(dice.int(Math.max(0, roomy - 6), roomy)), context);
    case 'PAUSED': {
      if (roomy < 1) return null;
      const requestOn = reportDay - dice.int(0, 4);
      const counted = dice.int(1, roomy);
      const acceptOn = requestOn - counted;
      return fits(
        [
          { action: A.SUBMIT, day: acceptOn - acceptanceDelay(dice) },
          { action: A.ACCEPT, day: acceptOn },
          { action: A.REQUEST_SUPPLEMENT, day: requestOn },
        ],
        context,
      );
    }
    case 'SUBMITTED': {
      const submitOn = Math.max(context.earliestSubmit, reportDay - dice.int(0, 2));
      return submitOn > reportDay ? null : [{ action: A.SUBMIT, day: submitOn }];
    }
    case 'REFUSED': {
      const refuseOn = reportDay - dice.int(0, 6);
      const acceptOn = refuseOn - dice.int(Math.min(2, limit), limit);
      return fits(
        [
          { action: A.SUBMIT, day: acceptOn - acceptanceDelay(dice) },
          { action: A.ACCEPT, day: acceptOn },
          { action: A.REFUSE, day: refuseOn },
        ],
        context,
      );
    }
    case 'PLANNED':
      return [];
  }
}
