import { Matches } from 'class-validator';

export class ProcedureIdParam {
  @Matches(/^BJ-\d{4}-\d{4,}-[A-Z_]+$/, {
    message: 'id must look like BJ-2023-0001-EIA (project code, then procedure code)',
  })
  id!: string;
}
