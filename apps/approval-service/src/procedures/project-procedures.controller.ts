import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ApiErrorResponses, ApiPageResponse, CurrentActor, PageQuery, type Actor } from '@banjie/platform';
import { AuditEntryDto, ProcedureDto } from './dto/procedure.response';
import { ProjectProceduresQuery } from './dto/list-procedures.query';
import { ProcedureQueryService } from './procedure-query.service';

class ProjectCodeParam {
  @Matches(/^BJ-\d{4}-\d{4,}$/, { message: 'code must look like BJ-2023-0001' })
  code!: string;
}

@ApiTags('procedures')
@ApiBearerAuth()
@ApiErrorResponses(401)
@Controller('projects/:code')
export class ProjectProceduresController {
  constructor(private readonly queries: ProcedureQueryService) {}

  /** The project's procedures the caller may see, in catalogue order. */
  @Get('procedures')
  @ApiPageResponse(ProcedureDto, "the project's procedures the caller may see, in catalogue order")
  @ApiErrorResponses(400, 404)
  procedures(
    @Param() { code }: ProjectCodeParam,
    @Query() query: ProjectProceduresQuery,
    @CurrentActor() actor: Actor,
  ) {
    return this.queries.ofProject(actor, code, query);
  }

  @Get('audit')
  @ApiPageResponse(AuditEntryDto, 'the audit trail of those procedures, oldest first')
  @ApiErrorResponses(400, 404)
  audit(@Param() { code }: ProjectCodeParam, @Query() query: PageQuery, @CurrentActor() actor: Actor) {
    return this.queries.auditOfProject(actor, code, query);
  }
}
