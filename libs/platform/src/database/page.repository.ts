import { pageOf, pageOfRows, type Page, type PageQuery } from '../http/paging';

/** Anything that runs SQL: the pool (`DataSource`) or a transaction (`Tx`). */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** One list in SQL: its columns, its `FROM … WHERE …` and its order, with the parameters they use. */
export interface ListSql {
  columns: string;
  from: string;
  orderBy: string;
  parameters?: unknown[];
}

/**
 * One page of a list read in SQL: the rows at the page's LIMIT/OFFSET and the count of all of them,
 * typed by the calling repository.
 */
export async function queryPage<Row>(db: Queryable, list: ListSql, query: PageQuery): Promise<Page<Row>> {
  const { limit, offset } = pageOf(query);
  const parameters = list.parameters ?? [];
  const [items, [{ total }]] = (await Promise.all([
    db.query(
      `SELECT ${list.columns} ${list.from} ORDER BY ${list.orderBy}
        LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
      [...parameters, limit, offset],
    ),
    db.query(`SELECT count(*)::int AS total ${list.from}`, parameters),
  ])) as [Row[], [{ total: number }]];
  return pageOfRows(items, total, query);
}
