// Not workflow-safe: loads tyme4ts (lunar dates, solar terms). Workflows get provisional years inside a CalendarSnapshot.
import { LunarDay, SolarTerm, type SolarDay } from 'tyme4ts';
import type { NamedHoliday, YearArrangement } from './calendar-definition';
import { addDays, isWeekend, parseLocalDate, type LocalDate } from './local-date';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const fromSolar = (day: SolarDay): LocalDate =>
  parseLocalDate(`${pad(day.getYear(), 4)}-${pad(day.getMonth())}-${pad(day.getDay())}`);
const solar = (year: number, month: number, day: number): LocalDate =>
  parseLocalDate(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);

/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 as revised in November 2024 (in force from
 * 2025), one entry per statutory day; two holidays on one date give two entries.
 */
export function statutoryHolidays(year: number): NamedHoliday[] {
  const springFestival = LunarDay.fromYmd(year, 1, 1);
  return [
    { date: solar(year, 1, 1), name: '元旦' },
    { date: fromSolar(springFestival.next(-1).getSolarDay()), name: '春节（除夕）' },
    ...[0, 1, 2].map((offset) => ({
      date: fromSolar(springFestival.next(offset).getSolarDay()),
      name: '春节',
    })),
    { date: fromSolar(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay()), name: '清明节' },
    { date: solar(year, 5, 1), name: '劳动节' },
    { date: solar(year, 5, 2), name: '劳动节' },
    { date: fromSolar(LunarDay.fromYmd(year, 5, 5).getSolarDay()), name: '端午节' },
    { date: fromSolar(LunarDay.fromYmd(year, 8, 15).getSolarDay()), name: '中秋节' },
    { date: solar(year, 10, 1), name: '国庆节' },
    { date: solar(year, 10, 2), name: '国庆节' },
    { date: solar(year, 10, 3), name: '国庆节' },
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * A year nobody has published yet, as far as the law fixes it: the statutory holidays, and for
 * every statutory day that falls on a Saturday or Sunday (or on another holiday) a substitute rest
 * day (补假) on the next working days after its holiday period. No 调休: which weekends are worked
 * is only known from the State Council's notice. Every date from it is marked provisional.
 */
export function provisionalYear(year: number): YearArrangement {
  const statutory = statutoryHolidays(year);
  const rest = new Map<LocalDate, string>();
  for (const holiday of statutory) if (!rest.has(holiday.date)) rest.set(holiday.date, holiday.name);
  for (const period of holidayPeriods(statutory)) {
    const weekdaysRested = new Set(period.filter((h) => !isWeekend(h.date)).map((h) => h.date)).size;
    let owed = period.length - weekdaysRested;
    const name = `${period[period.length - 1]!.name.replace(/（.*）/, '')}（补假）`;
    for (let day = addDays(period[period.length - 1]!.date, 1); owed > 0; day = addDays(day, 1)) {
      if (isWeekend(day) || rest.has(day)) continue;
      rest.set(day, name);
      owed -= 1;
    }
  }
  const holidays = [...rest]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  return { year, source: 'PROVISIONAL', reference: null, holidays, workingDays: [] };
}

/** Statutory days grouped into periods of consecutive dates (Mid-Autumn on 30 September joins National Day). */
function holidayPeriods(sorted: readonly NamedHoliday[]): NamedHoliday[][] {
  const periods: NamedHoliday[][] = [];
  for (const holiday of sorted) {
    const current = periods[periods.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && (holiday.date === last.date || holiday.date === addDays(last.date, 1)))
      current.push(holiday);
    else periods.push([holiday]);
  }
  return periods;
}
