import { PROCEDURE_ACTIONS, PROCEDURE_STATUSES, ProcedureStatus } from '@banjie/contracts';
import {
  APPLICATION_END_STATUSES,
  CLOCK_EFFECT_OF_ACTION,
  CLOCK_STATUSES,
  COMPLETED_STATUSES,
  statusClassOf,
} from './procedure-lifecycle';
import { decide } from './procedure-state-machine';

describe('procedure lifecycle vocabulary', () => {
  it('classes every status; the clock runs only for an accepted application', () => {
    expect(PROCEDURE_STATUSES.map(statusClassOf)).not.toContain(undefined);
    expect([...CLOCK_STATUSES].sort()).toEqual(['ACCEPTED', 'SUPPLEMENT_REQUESTED']);
    expect([...COMPLETED_STATUSES].sort()).toEqual(['ALREADY_HELD', 'APPROVED', 'NOT_APPLICABLE']);
    expect([...APPLICATION_END_STATUSES].sort()).toEqual([
      'ALREADY_HELD',
      'APPROVED',
      'NOT_APPLICABLE',
      'REFUSED',
      'WITHDRAWN',
    ]);
  });

  it("agrees with the state machine: an action's clock effect matches the class it leads to", () => {
    for (const status of PROCEDURE_STATUSES) {
      for (const action of PROCEDURE_ACTIONS) {
        const decision = decide({ status, extensionsUsed: 0 }, action);
        if (!decision.ok) continue;
        const effect = CLOCK_EFFECT_OF_ACTION[action];
        const after = statusClassOf(decision.next);
        // Before acceptance a supplement request and its delivery act on the acceptance window: no clock yet.
        if (statusClassOf(status) === 'AWAITING_ACCEPTANCE' && after === 'AWAITING_ACCEPTANCE') {
          expect([action, effect]).toEqual([action, action === 'request-supplement' ? 'PAUSE' : 'RESUME']);
          continue;
        }
        const expected = {
          NEW_APPLICATION: ['AWAITING_ACCEPTANCE'],
          START: ['CLOCK_RUNNING'],
          // An art. 45 period pauses the clock of an ACCEPTED application (an open pause with its reason).
          PAUSE: ['CLOCK_PAUSED', ...(action === 'begin-excluded-period' ? ['CLOCK_RUNNING'] : [])],
          RESUME: ['CLOCK_RUNNING'],
          EXTEND: ['CLOCK_RUNNING', 'CLOCK_PAUSED'],
          END: ['APPLICATION_ENDED', 'COMPLETED'],
        }[effect];
        expect({ status, action, after: expected.includes(after) }).toEqual({ status, action, after: true });
      }
    }
    expect(statusClassOf(ProcedureStatus.SUBMITTED)).toBe('AWAITING_ACCEPTANCE');
  });
});
