import { Applicability, PROCEDURE_CODES } from '@banjie/contracts';
import type { PlanItemDto } from './dto/put-plan.dto';
import { planViolations, resolvePlan } from './plan-rules';

const allRequired = (): PlanItemDto[] =>
  PROCEDURE_CODES.map((procedure) => ({ procedure, applicability: Applicability.REQUIRED }));

describe('plan rules', () => {
  it('accepts a complete plan and fills catalogue defaults', () => {
    expect(planViolations(allRequired())).toEqual([]);
    const eia = resolvePlan(allRequired(), undefined).find((item) => item.procedure === 'EIA');
    expect(eia).toEqual({
      procedure: 'EIA',
      applicability: 'REQUIRED',
      department: 'EEB',
      timeLimitWorkingDays: 15,
    });
  });

  it('names each broken rule with its field', () => {
    const items = allRequired();
    items[0] = { procedure: 'PROJECT_APPROVAL', applicability: Applicability.ALREADY_HELD };
    items[1] = {
      procedure: 'LAND_PREEXAM',
      applicability: Applicability.NOT_APPLICABLE,
      targetDate: '2023-03-31',
      documentNumber: 'X',
    };
    items[10] = { procedure: 'EIA', applicability: Applicability.REQUIRED };
    expect(planViolations(items)).toEqual([
      {
        field: 'items[0].documentNumber',
        rule: 'an ALREADY_HELD procedure needs the number of the document held',
      },
      { field: 'items[1].documentNumber', rule: 'only an ALREADY_HELD procedure has a document number here' },
      { field: 'items[1].targetDate', rule: 'only a REQUIRED procedure has a targetDate' },
      { field: 'items[10].procedure', rule: 'EIA appears more than once' },
      { field: 'items', rule: 'the plan must cover all 11 procedures; missing: CONSTRUCTION_PERMIT' },
    ]);
  });

  it("takes a REQUIRED item's own acceptance window, whole working days from 1 to 20, and nobody else's", () => {
    const items = allRequired();
    items[0] = {
      procedure: 'PROJECT_APPROVAL',
      applicability: Applicability.REQUIRED,
      acceptanceWorkingDays: 0,
    };
    items[1] = {
      procedure: 'LAND_PREEXAM',
      applicability: Applicability.REQUIRED,
      acceptanceWorkingDays: 2.5,
    };
    items[2] = { procedure: 'LAND_USE', applicability: Applicability.REQUIRED, acceptanceWorkingDays: 21 };
    items[3] = {
      procedure: 'LAND_PLANNING',
      applicability: Applicability.NOT_APPLICABLE,
      acceptanceWorkingDays: 5,
    };
    items[4] = {
      procedure: 'ENGINEERING_PLANNING',
      applicability: Applicability.ALREADY_HELD,
      documentNumber: '甘规〔2022〕7号',
      acceptanceWorkingDays: 5,
    };
    const wholeDays = 'must be a whole number of working days from 1 to 20';
    expect(planViolations(items)).toEqual([
      { field: 'items[0].acceptanceWorkingDays', rule: wholeDays },
      { field: 'items[1].acceptanceWorkingDays', rule: wholeDays },
      { field: 'items[2].acceptanceWorkingDays', rule: wholeDays },
      {
        field: 'items[3].acceptanceWorkingDays',
        rule: 'only a REQUIRED procedure has a acceptanceWorkingDays',
      },
      {
        field: 'items[4].acceptanceWorkingDays',
        rule: 'only a REQUIRED procedure has a acceptanceWorkingDays',
      },
    ]);

    const overridden = allRequired().map((item) =>
      item.procedure === 'EIA' ? { ...item, acceptanceWorkingDays: 20 } : item,
    );
    expect(planViolations(overridden)).toEqual([]);
    const plan = resolvePlan(overridden, undefined);
    expect(plan.find((item) => item.procedure === 'EIA')).toMatchObject({ acceptanceWorkingDays: 20 });
    expect(plan.find((item) => item.procedure === 'LAND_USE')).not.toHaveProperty('acceptanceWorkingDays');
  });

  it('keeps the first target as the baseline when the target moves', () => {
    const first = resolvePlan(
      allRequired().map((i) => ({ ...i, targetDate: '2023-03-15' })),
      undefined,
    );
    const second = resolvePlan(
      allRequired().map((i) => ({ ...i, targetDate: '2023-04-20' })),
      first,
    );
    expect(second.find((i) => i.procedure === 'LAND_USE')).toMatchObject({
      baselineDate: '2023-03-15',
      targetDate: '2023-04-20',
    });
  });
});
