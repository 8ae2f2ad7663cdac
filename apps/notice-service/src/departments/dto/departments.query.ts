import { IntersectionType, PickType } from '@nestjs/swagger';
import { AsOfQuery, BoardFilterQuery } from '../../board/dto/board.query';

/** Which projects' procedures count (cluster, chain), and the day. */
export class DepartmentsQuery extends IntersectionType(
  PickType(BoardFilterQuery, ['cluster', 'chain'] as const),
  AsOfQuery,
) {}
