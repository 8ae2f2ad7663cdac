import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Every list answers pages of at most this many items. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/** Far beyond any list, far below an offset that makes PostgreSQL scan for nothing. */
export const MAX_PAGE = 100_000;

/**
 * The paging every list endpoint takes (`?page=&pageSize=`), documented once in README ("Lists").
 * Extend it with a list's own filters.
 */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_PAGE, description: '1-based page number' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be at least 1' })
  @Max(MAX_PAGE, { message: `page must be at most ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ default: DEFAULT_PAGE_SIZE, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `pageSize must be at most ${MAX_PAGE_SIZE}` })
  pageSize?: number;
}

/** One page of a list: the items, how many there are in all, and which page this is. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The page asked for, with the defaults filled in; `offset` and `limit` for SQL. */
export function pageOf(query: PageQuery): { page: number; pageSize: number; offset: number; limit: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

/** Pages a list already in memory (a short list, or one computed rather than queried). */
export function pageFromList<T>(all: readonly T[], query: PageQuery): Page<T> {
  const { page, pageSize, offset } = pageOf(query);
  return { items: all.slice(offset, offset + pageSize), total: all.length, page, pageSize };
}

/** The page a repository read at `pageOf(query)`'s offset and limit, with the count of all matching rows. */
export function pageOfRows<T>(items: T[], total: number, query: PageQuery): Page<T> {
  const { page, pageSize } = pageOf(query);
  return { items, total, page, pageSize };
}

/** The same page with each item shown another way (e.g. as a caller may read it). */
export function mapPage<T, U>(page: Page<T>, show: (item: T) => U): Page<U> {
  return { ...page, items: page.items.map(show) };
}
