import { DepartmentCode, PROCEDURE_CODES, type ProcedureCode } from '@banjie/contracts/enums';
import { DEFAULT_ACCEPTANCE_WORKING_DAYS } from './acceptance-window';

export interface ProcedureDefinition {
  readonly code: ProcedureCode;
  readonly nameZh: string;
  readonly nameEn: string;
  /** The department that usually approves it (a project may be assigned another). */
  readonly department: DepartmentCode;
  /** Committed time limit (承诺时限) in working days, counted from the day after acceptance. */
  readonly committedWorkingDays: number;
  /** The acceptance window (受理时限) in working days from receipt of the materials; a plan item may override it. */
  readonly acceptanceWorkingDays: number;
}

/** The longest single extension a department may grant, in working days. */
export const MAX_EXTENSION_WORKING_DAYS = 10;
/** How many times the limit of one application may be extended. */
export const MAX_EXTENSIONS = 1;

const { DRC, NRB, EEB, EMB, WAB, HCB } = DepartmentCode;

/** The 11 main procedures; the limits are the city's commitments (our choice, see domain.md). */
export const PROCEDURE_CATALOGUE: Readonly<Record<ProcedureCode, ProcedureDefinition>> = Object.freeze({
  PROJECT_APPROVAL: def(
    'PROJECT_APPROVAL',
    '立项（审批·核准·备案）',
    'Project approval, ratification or filing',
    DRC,
    5,
  ),
  LAND_PREEXAM: def('LAND_PREEXAM', '用地预审与选址', 'Land-use pre-examination and site selection', NRB, 20),
  LAND_USE: def('LAND_USE', '用地审批', 'Land-use approval', NRB, 20),
  LAND_PLANNING: def('LAND_PLANNING', '建设用地规划许可', 'Land-use planning permit', NRB, 10),
  ENGINEERING_PLANNING: def(
    'ENGINEERING_PLANNING',
    '建设工程规划许可',
    'Construction-engineering planning permit',
    NRB,
    10,
  ),
  ENERGY_QUOTA: def(
    'ENERGY_QUOTA',
    '节能审查·能耗指标',
    'Energy-conservation review and energy-consumption quota',
    DRC,
    15,
  ),
  EIA: def('EIA', '环评', 'Environmental impact assessment approval', EEB, 15),
  SAFETY: def('SAFETY', '安评', 'Safety assessment', EMB, 15),
  SOIL_WATER: def('SOIL_WATER', '水土保持', 'Soil and water conservation plan', WAB, 15),
  FIRE_DESIGN: def('FIRE_DESIGN', '消防设计审查', 'Fire-protection design review', HCB, 10),
  CONSTRUCTION_PERMIT: def('CONSTRUCTION_PERMIT', '施工许可', 'Construction permit', HCB, 7),
});

/** The definitions in the contracts' order of procedure codes. */
export const PROCEDURE_DEFINITIONS: readonly ProcedureDefinition[] = Object.freeze(
  PROCEDURE_CODES.map((code) => PROCEDURE_CATALOGUE[code]),
);

export function procedureDefinition(code: ProcedureCode): ProcedureDefinition {
  const found = PROCEDURE_CATALOGUE[code];
  if (!found) throw new RangeError(`unknown procedure code ${JSON.stringify(code)}`);
  return found;
}

/** The codes a department approves by default. */
export function proceduresOfDepartment(department: DepartmentCode): ProcedureCode[] {
  return PROCEDURE_DEFINITIONS.filter((p) => p.department === department).map((p) => p.code);
}

function def(
  code: ProcedureCode,
  nameZh: string,
  nameEn: string,
  department: DepartmentCode,
  committedWorkingDays: number,
): ProcedureDefinition {
  return Object.freeze({
    code,
    nameZh,
    nameEn,
    department,
    committedWorkingDays,
    acceptanceWorkingDays: DEFAULT_ACCEPTANCE_WORKING_DAYS,
  });
}
