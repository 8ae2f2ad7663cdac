import { Matches } from 'class-validator';

export class ProjectCodeParam {
  @Matches(/^BJ-\d{4}-\d{4,}$/, { message: 'code must look like BJ-2023-0001' })
  code!: string;
}
