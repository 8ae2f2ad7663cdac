import { Applicability, PROCEDURE_CODES, type PlanItem, type ProcedureCode } from '@banjie/contracts';
import { PROCEDURE_CATALOGUE, validateAcceptanceWorkingDays } from '@banjie/domain';
import type { PlanItemDto } from './dto/put-plan.dto';

export interface PlanRuleViolation {
  field: string;
  rule: string;
}

/** Cross-field rules of a plan: each procedure once; what each applicability needs and forbids. */
export function planViolations(items: PlanItemDto[]): PlanRuleViolation[] {
  const violations: PlanRuleViolation[] = [];
  const seen = new Set<ProcedureCode>();
  items.forEach((item, index) => {
    const at = (field: string) => `items[${index}].${field}`;
    if (seen.has(item.procedure))
      violations.push({ field: at('procedure'), rule: `${item.procedure} appears more than once` });
    seen.add(item.procedure);
    if (item.applicability === Applicability.ALREADY_HELD && !item.documentNumber) {
      violations.push({
        field: at('documentNumber'),
        rule: 'an ALREADY_HELD procedure needs the number of the document held',
      });
    }
    if (item.applicability !== Applicability.ALREADY_HELD && item.documentNumber !== undefined) {
      violations.push({
        field: at('documentNumber'),
        rule: 'only an ALREADY_HELD procedure has a document number here',
      });
    }
    if (item.applicability !== Applicability.REQUIRED) {
      for (const field of [
        'department',
        'timeLimitWorkingDays',
        'acceptanceWorkingDays',
        'targetDate',
      ] as const) {
        if (item[field] !== undefined)
          violations.push({ field: at(field), rule: `only a REQUIRED procedure has a ${field}` });
      }
    } else if (item.acceptanceWorkingDays !== undefined) {
      const fault = validateAcceptanceWorkingDays(item.acceptanceWorkingDays);
      if (fault !== null) violations.push({ field: at('acceptanceWorkingDays'), rule: fault });
    }
  });
  const missing = PROCEDURE_CODES.filter((code) => !seen.has(code));
  if (missing.length > 0)
    violations.push({
      field: 'items',
      rule: `the plan must cover all 11 procedures; missing: ${missing.join(', ')}`,
    });
  return violations;
}

/**
 * The plan as stored and published: catalogue defaults filled in, and each procedure's baseline
 * date carried over from earlier versions (the first target ever set), so moving a target never
 * hides the original commitment.
 */
export function resolvePlan(items: PlanItemDto[], previous: PlanItem[] | undefined): PlanItem[] {
  const previousByProcedure = new Map(previous?.map((item) => [item.procedure, item]));
  return PROCEDURE_CODES.map((code) => {
    const item = items.find((candidate) => candidate.procedure === code)!;
    const catalogue = PROCEDURE_CATALOGUE[code];
    if (item.applicability !== Applicability.REQUIRED) {
      return {
        procedure: code,
        applicability: item.applicability,
        department: catalogue.department,
        ...(item.documentNumber ? { documentNumber: item.documentNumber } : {}),
      };
    }
    const baselineDate = previousByProcedure.get(code)?.baselineDate ?? item.targetDate;
    return {
      procedure: code,
      applicability: item.applicability,
      department: item.department ?? catalogue.department,
      timeLimitWorkingDays: item.timeLimitWorkingDays ?? catalogue.committedWorkingDays,
      ...(item.acceptanceWorkingDays !== undefined
        ? { acceptanceWorkingDays: item.acceptanceWorkingDays }
        : {}),
      ...(baselineDate ? { baselineDate } : {}),
      ...(item.targetDate ? { targetDate: item.targetDate } : {}),
    };
  });
}
