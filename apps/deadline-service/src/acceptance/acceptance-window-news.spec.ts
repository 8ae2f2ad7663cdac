import type { PublicProcedureFields } from '@banjie/contracts';
import {
  decisionOf,
  receivedMaterialsOf,
  windowFactsOf,
  type AcceptanceWindowRow,
} from './acceptance-window-news';

const row = (fields: Partial<AcceptanceWindowRow>): AcceptanceWindowRow => ({
  procedureId: 'BJ-2023-0042-EIA',
  projectCode: 'BJ-2023-0042',
  department: 'EEB',
  status: 'SUBMITTED',
  sequence: 4,
  effectiveDate: '2027-01-12',
  applicationNumber: 1,
  receivedOn: '2027-01-04',
  acceptanceWorkingDays: 5,
  recordedAt: new Date('2027-01-04T02:00:00Z'),
  openApplication: 1,
  ...fields,
});

describe('receivedMaterialsOf', () => {
  const snapshot = (fields: Partial<PublicProcedureFields>) => fields as PublicProcedureFields;

  it('counts from the submission, or from the delivery of the supplement asked for before acceptance', () => {
    expect(receivedMaterialsOf(snapshot({ submittedOn: '2027-01-04' }), 'T')).toEqual({
      receivedOn: '2027-01-04',
      acceptanceWorkingDays: 5,
      recordedAt: 'T',
    });
    const delivered = {
      from: '2027-01-06',
      to: '2027-01-15',
      supplementReason: 'MISSING_DOCUMENT',
    } as const;
    expect(
      receivedMaterialsOf(
        snapshot({ submittedOn: '2027-01-04', preAcceptanceSupplement: delivered, acceptanceWorkingDays: 7 }),
        'T',
      ),
    ).toMatchObject({ receivedOn: '2027-01-15', acceptanceWorkingDays: 7 });
    expect(
      receivedMaterialsOf(
        snapshot({ submittedOn: '2027-01-04', preAcceptanceSupplement: { ...delivered, to: null } }),
        'T',
      ).receivedOn,
    ).toBeNull();
  });
});

describe('decisionOf', () => {
  it('names the decision of the window still open: refused, withdrawn, not applicable, else accepted (deemed or not)', () => {
    expect(decisionOf(row({ status: 'REFUSED', sequence: 5 }), false)).toEqual({
      sequence: 5,
      outcome: 'REFUSED',
      on: '2027-01-12',
    });
    expect(decisionOf(row({ status: 'WITHDRAWN' }), false).outcome).toBe('WITHDRAWN');
    expect(decisionOf(row({ status: 'NOT_APPLICABLE' }), false).outcome).toBe('NOT_APPLICABLE');
    expect(decisionOf(row({ status: 'ACCEPTED' }), false).outcome).toBe('ACCEPTED');
    expect(decisionOf(row({ status: 'ACCEPTED' }), true).outcome).toBe('DEEMED_ACCEPTED');
    // Accepted, then approved before the window heard of it.
    expect(decisionOf(row({ status: 'APPROVED' }), false).outcome).toBe('ACCEPTED');
  });

  it('calls the window of an earlier application superseded', () => {
    expect(decisionOf(row({ applicationNumber: 2, openApplication: 1 }), false).outcome).toBe('SUPERSEDED');
  });
});

describe('windowFactsOf', () => {
  it('gives the workflow the stored facts, the default window for rows without one, and a long-past instant for rows without one', () => {
    expect(windowFactsOf(row({}))).toEqual({
      sequence: 4,
      receivedOn: '2027-01-04',
      windowWorkingDays: 5,
      recordedAt: '2027-01-04T02:00:00.000Z',
    });
    expect(windowFactsOf(row({ acceptanceWorkingDays: null, recordedAt: null }))).toMatchObject({
      windowWorkingDays: 5,
      recordedAt: '1970-01-01T00:00:00.000Z',
    });
  });
});
