import { Matches } from 'class-validator';

export const PROCEDURE_ID_PATTERN = /^BJ-\d{4}-\d{4,}-[A-Z_]+$/;
export const PROCEDURE_ID_RULE = 'id must look like BJ-2023-0001-EIA (project code, then procedure code)';

export class ProcedureIdParam {
  @Matches(PROCEDURE_ID_PATTERN, { message: PROCEDURE_ID_RULE })
  id!: string;
}
