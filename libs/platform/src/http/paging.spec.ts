import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MAX_PAGE_SIZE, PageQuery, mapPage, pageFromList, pageOf, pageOfRows } from './paging';

const violations = (query: Record<string, string>) =>
  validateSync(plainToInstance(PageQuery, query)).flatMap((error) => Object.values(error.constraints ?? {}));

describe('paging', () => {
  it('defaults to the first page of 50', () => {
    expect(pageOf({})).toEqual({ page: 1, pageSize: 50, offset: 0, limit: 50 });
    expect(pageOf({ page: 3, pageSize: 20 })).toEqual({ page: 3, pageSize: 20, offset: 40, limit: 20 });
  });

  it('refuses a page size over the ceiling, a page below 1, and fractions, naming the field and the rule', () => {
    expect(violations({ pageSize: String(MAX_PAGE_SIZE) })).toEqual([]);
    expect(violations({ pageSize: String(MAX_PAGE_SIZE + 1) })).toEqual([
      `pageSize must be at most ${MAX_PAGE_SIZE}`,
    ]);
    expect(violations({ page: '0' })).toEqual(['page must be at least 1']);
    expect(violations({ page: '1.5' })).toEqual(['page must be a whole number']);
  });

  it('pages a list in memory, with the total', () => {
    const all = Array.from({ length: 7 }, (_, i) => i);
    expect(pageFromList(all, { page: 2, pageSize: 3 })).toEqual({
      items: [3, 4, 5],
      total: 7,
      page: 2,
      pageSize: 3,
    });
    expect(pageFromList(all, { page: 4, pageSize: 3 })).toEqual({
      items: [],
      total: 7,
      page: 4,
      pageSize: 3,
    });
  });

  it('wraps the rows read in SQL as the page asked for, and shows its items another way', () => {
    const page = pageOfRows(['a', 'b'], 12, { page: 2, pageSize: 2 });
    expect(page).toEqual({ items: ['a', 'b'], total: 12, page: 2, pageSize: 2 });
    expect(mapPage(page, (item) => item.toUpperCase())).toEqual({ ...page, items: ['A', 'B'] });
    expect(pageOfRows([], 0, {})).toEqual({ items: [], total: 0, page: 1, pageSize: 50 });
  });
});
