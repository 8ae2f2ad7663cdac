import { DepartmentCode, PROCEDURE_CODES } from '@banjie/contracts';
import { checkExtensionDays } from './extension-rule';
import {
  MAX_EXTENSION_WORKING_DAYS,
  PROCEDURE_CATALOGUE,
  PROCEDURE_DEFINITIONS,
  procedureDefinition,
  proceduresOfDepartment,
} from './procedure-catalogue';

describe('procedure catalogue', () => {
  it('defines each of the 11 procedures once, in the contracts order', () => {
    expect(PROCEDURE_DEFINITIONS.map((p) => p.code)).toEqual(PROCEDURE_CODES);
    expect(PROCEDURE_DEFINITIONS).toHaveLength(11);
    for (const p of PROCEDURE_DEFINITIONS) {
      expect(p.nameZh).not.toBe('');
      expect(p.nameEn).not.toBe('');
      expect(Number.isInteger(p.committedWorkingDays) && p.committedWorkingDays > 0).toBe(true);
    }
  });

  it('assigns the usual departments from the domain brief', () => {
    expect(procedureDefinition('LAND_USE')).toMatchObject({
      nameZh: '用地审批',
      department: 'NRB',
      committedWorkingDays: 20,
    });
    expect(procedureDefinition('ENERGY_QUOTA').department).toBe('DRC');
    expect(procedureDefinition('EIA')).toMatchObject({ nameZh: '环评', department: 'EEB' });
    expect(procedureDefinition('SAFETY')).toMatchObject({ nameZh: '安评', department: 'EMB' });
    expect(procedureDefinition('SOIL_WATER').department).toBe('WAB');
    expect(proceduresOfDepartment(DepartmentCode.NRB)).toEqual([
      'LAND_PREEXAM',
      'LAND_USE',
      'LAND_PLANNING',
      'ENGINEERING_PLANNING',
    ]);
    expect(proceduresOfDepartment(DepartmentCode.HCB)).toEqual(['FIRE_DESIGN', 'CONSTRUCTION_PERMIT']);
    expect(proceduresOfDepartment(DepartmentCode.DRC)).toEqual(['PROJECT_APPROVAL', 'ENERGY_QUOTA']);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(PROCEDURE_CATALOGUE)).toBe(true);
    expect(Object.isFrozen(PROCEDURE_CATALOGUE.EIA)).toBe(true);
  });

  it('rejects an unknown code', () => {
    expect(() => procedureDefinition('PARKING' as never)).toThrow(/unknown procedure code/);
  });

  it('bounds an extension to 1..MAX whole working days', () => {
    expect(checkExtensionDays(1)).toEqual({ ok: true });
    expect(checkExtensionDays(MAX_EXTENSION_WORKING_DAYS)).toEqual({ ok: true });
    expect(checkExtensionDays(0).ok).toBe(false);
    expect(checkExtensionDays(MAX_EXTENSION_WORKING_DAYS + 1).ok).toBe(false);
    expect(checkExtensionDays(2.5).ok).toBe(false);
  });
});
