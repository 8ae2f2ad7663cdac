import { isWeekend, parseLocalDate } from './local-date';
import { provisionalYear, statutoryHolidays } from './provisional-year';

const d = parseLocalDate;

describe('provisional year (全国年节及纪念日放假办法, 2024 revision)', () => {
  it('finds every statutory holiday of 2027 from the lunar calendar and the solar terms', () => {
    expect(statutoryHolidays(2027).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节（除夕）',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });

  it('gives 2027 a substitute rest day for every statutory day on a weekend, after its holiday', () => {
    const year = provisionalYear(2027);
    expect(year).toMatchObject({ year: 2027, source: 'PROVISIONAL', reference: null, workingDays: [] });
    const rest = year.holidays.map((h) => h.date);
    // Spring Festival: Sat 6 and Sun 7 Feb are statutory → Tue 9 and Wed 10 Feb off.
    expect(rest.filter((day) => day.startsWith('2027-02'))).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
    ]);
    // Labour Day on Sat 1 and Sun 2 May → Mon 3 and Tue 4 May off.
    expect(rest.filter((day) => day.startsWith('2027-05'))).toEqual([
      '2027-05-01',
      '2027-05-02',
      '2027-05-03',
      '2027-05-04',
    ]);
    // National Day Fri 1, Sat 2, Sun 3 Oct → Mon 4 and Tue 5 Oct off.
    expect(rest.filter((day) => day.startsWith('2027-10'))).toEqual([
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
      '2027-10-04',
      '2027-10-05',
    ]);
    // Weekday holidays need no substitute.
    expect(rest).toEqual(expect.arrayContaining(['2027-01-01', '2027-04-05', '2027-06-09', '2027-09-15']));
    expect(rest).toHaveLength(1 + 6 + 1 + 4 + 1 + 1 + 5);
    expect(year.holidays.find((h) => h.date === '2027-02-09')?.name).toBe('春节（补假）');
  });

  it('gives a substitute when Mid-Autumn falls on National Day (two holidays, one date)', () => {
    // 2028: Mid-Autumn is on Tue 3 October, the third day of National Day.
    const statutory = statutoryHolidays(2028);
    expect(
      statutory
        .filter((h) => h.date === '2028-10-03')
        .map((h) => h.name)
        .sort(),
    ).toEqual(['中秋节', '国庆节']);
    const october = provisionalYear(2028)
      .holidays.filter((h) => h.date.startsWith('2028-10'))
      .map((h) => h.date);
    // Sun 1 Oct is statutory (→ 1 substitute) and 3 Oct counts twice (→ 1 more): Wed 4 and Thu 5 Oct.
    expect(october).toEqual(['2028-10-01', '2028-10-02', '2028-10-03', '2028-10-04', '2028-10-05']);
  });

  it('never puts a substitute day on a weekend, for every year it may be asked for', () => {
    for (let year = 2025; year <= 2099; year += 1) {
      const arrangement = provisionalYear(year);
      const statutory = new Set(statutoryHolidays(year).map((h) => h.date));
      for (const holiday of arrangement.holidays)
        if (!statutory.has(holiday.date)) expect(isWeekend(d(holiday.date))).toBe(false);
      expect(
        arrangement.holidays.every(
          (h) => h.date.startsWith(String(year)) || h.date.startsWith(String(year + 1)),
        ),
      ).toBe(true);
    }
  });

  it('agrees with the published 2026 arrangement on every statutory day', () => {
    // 国办发明电〔2025〕7号 rests all of these (and bridges more, which a provisional year cannot know).
    const published2026 = [
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-04-05',
      '2026-05-01',
      '2026-05-02',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
    ];
    expect(statutoryHolidays(2026).map((h) => h.date)).toEqual(published2026);
  });
});
