/** The 11 main pre-construction procedures (11项主要手续) the city watches. */
export const ProcedureCode = {
  PROJECT_APPROVAL: 'PROJECT_APPROVAL',
  LAND_PREEXAM: 'LAND_PREEXAM',
  LAND_USE: 'LAND_USE',
  LAND_PLANNING: 'LAND_PLANNING',
  ENGINEERING_PLANNING: 'ENGINEERING_PLANNING',
  ENERGY_QUOTA: 'ENERGY_QUOTA',
  EIA: 'EIA',
  SAFETY: 'SAFETY',
  SOIL_WATER: 'SOIL_WATER',
  FIRE_DESIGN: 'FIRE_DESIGN',
  CONSTRUCTION_PERMIT: 'CONSTRUCTION_PERMIT',
} as const;
export type ProcedureCode = (typeof ProcedureCode)[keyof typeof ProcedureCode];
export const PROCEDURE_CODES = Object.values(ProcedureCode);
