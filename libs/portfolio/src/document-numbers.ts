import type { ProcedureCode } from '@banjie/contracts';
import type { LocalDate } from '@banjie/domain';

/** Yumen's administrative division code, which the planning and construction permits carry. */
const YUMEN = '620981';
/** Serials start above those of the 2023 documents the seed's projects already hold. */
const SERIAL_OFFSET = 200;

/**
 * The number of the approval document (批复文号) a Yumen department issues as the `serial`-th of
 * its kind in the year: city bureaus' 〔year〕 numbers, and the planning and construction
 * permits' numbered forms (e.g. 地字第620981202300013号, 620981202302220128).
 */
export function documentNumber(procedure: ProcedureCode, approvedOn: LocalDate, serial: number): string {
  const year = approvedOn.slice(0, 4);
  const n = serial + SERIAL_OFFSET;
  switch (procedure) {
    case 'PROJECT_APPROVAL':
      return `玉发改审批〔${year}〕${n}号`;
    case 'LAND_PREEXAM':
      return `玉自然资预〔${year}〕${n}号`;
    case 'LAND_USE':
      return `玉自然资用地〔${year}〕${n}号`;
    case 'LAND_PLANNING':
      return `地字第${YUMEN}${year}${String(n).padStart(5, '0')}号`;
    case 'ENGINEERING_PLANNING':
      return `建字第${YUMEN}${year}${String(n).padStart(5, '0')}号`;
    case 'ENERGY_QUOTA':
      return `玉发改节能〔${year}〕${n}号`;
    case 'EIA':
      return `玉环审〔${year}〕${n}号`;
    case 'SAFETY':
      return `玉应急审〔${year}〕${n}号`;
    case 'SOIL_WATER':
      return `玉水保〔${year}〕${n}号`;
    case 'FIRE_DESIGN':
      return `玉建消审〔${year}〕${n}号`;
    case 'CONSTRUCTION_PERMIT':
      return `${YUMEN}${approvedOn.replaceAll('-', '')}${String(n).padStart(4, '0')}`;
  }
}

/**
 * A number `documentNumber` gave for an approval on `issuedOn`, as if issued on `reissuedOn`: the
 * year in 〔…〕 and in the permits' numbered forms, and the construction permit's whole date.
 */
export function redatedDocumentNumber(number: string, issuedOn: LocalDate, reissuedOn: LocalDate): string {
  const compact = (day: LocalDate) => day.replaceAll('-', '');
  const [year, newYear] = [issuedOn.slice(0, 4), reissuedOn.slice(0, 4)];
  return number
    .replace(new RegExp(`^${YUMEN}${compact(issuedOn)}`), `${YUMEN}${compact(reissuedOn)}`)
    .replace(`〔${year}〕`, `〔${newYear}〕`)
    .replace(new RegExp(`^([地建]字第${YUMEN})${year}`), `$1${newYear}`);
}
