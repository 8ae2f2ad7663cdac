// Workflow-safe: pure validation.
import { isLocalDate, isWeekend, yearOf, type LocalDate } from './local-date';

/** A year's arrangement as an admin submits it (publication file or `PUT /calendar/years/{year}`). */
export interface YearPublication {
  readonly reference: string;
  readonly holidays: readonly { readonly date: string; readonly name: string }[];
  readonly workingDays: readonly string[];
}

export interface PublicationProblem {
  /** The field, e.g. `holidays[3].date`. */
  readonly field: string;
  readonly message: string;
}

/**
 * Everything wrong with a publication for `year`, each naming the field, the date and the rule:
 * a date outside the year, a date both rest and working day, an adjusted working day that is not a
 * weekend day, a date given twice. Empty when the publication is valid.
 */
export function validateYearPublication(year: number, publication: YearPublication): PublicationProblem[] {
  const problems: PublicationProblem[] = [];
  if (publication.reference.trim() === '')
    problems.push({
      field: 'reference',
      message: 'reference must name the notice, e.g. 国办发明电〔2025〕7号',
    });
  const rest = new Map<string, string>();
  publication.holidays.forEach((holiday, index) => {
    const field = `holidays.${index}.date`;
    if (!inYear(holiday.date, year, field, problems)) return;
    if (holiday.name.trim() === '')
      problems.push({
        field: `holidays.${index}.name`,
        message: `the holiday on ${holiday.date} needs a name`,
      });
    const earlier = rest.get(holiday.date);
    if (earlier !== undefined)
      problems.push({ field, message: `${holiday.date} is listed twice (also ${earlier})` });
    else rest.set(holiday.date, field);
  });
  const work = new Map<string, string>();
  publication.workingDays.forEach((date, index) => {
    const field = `workingDays.${index}`;
    if (!inYear(date, year, field, problems)) return;
    if (!isWeekend(date as LocalDate))
      problems.push({
        field,
        message: `${date} is a weekday; an adjusted working day (调休) must be a Saturday or Sunday`,
      });
    const earlier = work.get(date);
    if (earlier !== undefined) problems.push({ field, message: `${date} is listed twice (also ${earlier})` });
    else work.set(date, field);
    const holiday = rest.get(date);
    if (holiday !== undefined)
      problems.push({ field, message: `${date} cannot be both a holiday (${holiday}) and a working day` });
  });
  return problems;
}

function inYear(date: string, year: number, field: string, problems: PublicationProblem[]): boolean {
  if (!isLocalDate(date)) {
    problems.push({ field, message: `${JSON.stringify(date)} is not a calendar date YYYY-MM-DD` });
    return false;
  }
  if (yearOf(date) !== year) {
    problems.push({ field, message: `${date} lies outside ${year}` });
    return false;
  }
  return true;
}
