import fc from 'fast-check';
import { createChineseWorkingDayCalendar, parseLocalDate } from '@banjie/domain';
import { buildCard } from '../board/card';
import {
  procedureEvent,
  procedurePublic,
  projectLifecycleChanged,
  projectPublic,
  projectRegistered,
  projectUpdated,
  randomProjectCode,
} from '../test/notice-events';
import { leaks, procedureInternals, projectInternals, secretValues } from '../test/secret-internals';
import { projectAsOf, proceduresAsOf } from './facts-as-of';
import { MissingRevisionError, procedureHistoryEntry, projectHistoryEntry } from './public-facts';

const rules = { calendar: createChineseWorkingDayCalendar(), dueSoonWorkingDays: 3 };

describe('the public whitelist', () => {
  it('keeps nothing of any internal part: not in the stored facts, not in the card', () => {
    fc.assert(
      fc.property(
        projectInternals,
        projectInternals,
        procedureInternals,
        procedureInternals,
        (registeredBy, movedBy, submittedBy, refusedBy) => {
          const code = randomProjectCode();
          const projects = [
            projectHistoryEntry(projectRegistered(projectPublic(code, { revision: 1 }), registeredBy)),
            projectHistoryEntry(
              projectLifecycleChanged(
                projectPublic(code, { revision: 2 }),
                { from: 'PREPARING', to: 'STARTED', effectiveDate: '2023-03-16' },
                movedBy,
              ),
            ),
            projectHistoryEntry(
              projectUpdated(
                projectPublic(code, { revision: 3, state: 'STARTED' }),
                movedBy,
                '2023-03-20T01:00:00Z',
              ),
            ),
          ];
          const procedures = [
            procedureHistoryEntry(
              procedureEvent(
                'ProcedureSubmitted',
                procedurePublic(code, 'EIA', { status: 'SUBMITTED', sequence: 2, applicationNumber: 1 }),
                submittedBy,
              ),
            ),
            procedureHistoryEntry(
              procedureEvent(
                'ProcedureRefused',
                procedurePublic(code, 'SAFETY', { status: 'REFUSED', sequence: 4, applicationNumber: 1 }),
                refusedBy,
              ),
            ),
          ];
          const asOf = parseLocalDate('2023-03-28');
          const card = buildCard(projectAsOf(projects, asOf)!, proceduresAsOf(procedures, asOf), asOf, rules);
          const published = JSON.stringify({ projects, procedures, card });
          expect(leaks(published, secretValues([registeredBy, movedBy, submittedBy, refusedBy]))).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps public fields the board does not show out too (a supplement request's reason)", () => {
    const code = randomProjectCode();
    const entry = procedureHistoryEntry(
      procedureEvent(
        'ProcedureSupplementRequested',
        procedurePublic(code, 'EIA', { status: 'SUPPLEMENT_REQUESTED', sequence: 4 }),
      ),
    );
    expect(JSON.stringify(entry)).not.toContain('MISSING_DOCUMENT');
  });

  it('marks a procedure on the card when the change that put it there was a late entry (补录), and only then', () => {
    const code = randomProjectCode();
    const asOf = parseLocalDate('2023-03-28');
    const project = projectAsOf(
      [projectHistoryEntry(projectRegistered(projectPublic(code, { revision: 1 })))],
      asOf,
    )!;
    const approved = {
      status: 'APPROVED',
      sequence: 4,
      applicationNumber: 1,
      completedOn: '2023-02-10',
      effectiveDate: '2023-02-10',
      documentNumber: '玉环审〔2023〕12号',
    } as const;
    const late = procedureHistoryEntry(
      procedureEvent(
        'ProcedureApproved',
        procedurePublic(code, 'EIA', { ...approved, lateEntry: true, recordedOn: '2026-11-30' }),
      ),
    );
    const inTime = procedureHistoryEntry(
      procedureEvent(
        'ProcedureApproved',
        procedurePublic(code, 'EIA', { ...approved, recordedOn: '2023-02-10' }),
      ),
    );
    expect(buildCard(project, [late.facts], asOf, rules).procedures[0]).toMatchObject({
      flag: 'GREEN',
      lateEntry: true,
    });
    expect(buildCard(project, [inTime.facts], asOf, rules).procedures[0]).not.toHaveProperty('lateEntry');
    expect(JSON.stringify(late)).not.toContain('2026-11-30');
  });

  it('refuses a project event without a revision: it could not be ordered', () => {
    const event = projectRegistered(projectPublic(randomProjectCode(), { revision: undefined }));
    expect(() => projectHistoryEntry(event)).toThrow(MissingRevisionError);
  });
});
