import { PROCEDURE_CODES } from '@banjie/contracts';

/** A valid body for intake's `POST /projects`. */
export const sampleRegistration = {
  name: '陕煤集团60万吨/年可降解材料项目',
  ownerEnterprise: { id: 'ENT-SHAANXI-COAL', name: '陕煤集团甘肃投资有限公司' },
  totalInvestment: '263',
  cluster: 'MODERN_CHEMICALS',
  chain: '现代化工',
  type: 'NEW',
  location: '玉门经济开发区化工园区',
  plannedStart: '2023-04-15',
  responsibleUnit: '玉门经济开发区管委会',
  helpers: [{ name: '赵敏', phone: '13900000001' }],
  leadingOfficial: '刘副市长',
  listedOn: '2023-01-05',
};

/** A plan for intake's `PUT /projects/:code/plan`: every procedure REQUIRED with one target, except the ones given. */
export function planItems(targetDate: string, exceptions: Record<string, Record<string, unknown>> = {}) {
  return PROCEDURE_CODES.map(
    (procedure) => exceptions[procedure] ?? { procedure, applicability: 'REQUIRED', targetDate },
  );
}
