import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CalendarChangedV1, type CalendarChange } from '@banjie/contracts';
import {
  CALENDAR_LAST_YEAR,
  knownYears,
  packageYears,
  parseLocalDate,
  validateYearPublication,
  yearOf,
  type CalendarOverride,
  type YearPublication,
} from '@banjie/domain';
import { appendToOutbox, DomainException, Transactions, type Actor, type Tx } from '@banjie/platform';
import { CalendarRepository } from './calendar.repository';
import { WorkingDayCalendarService } from './working-day-calendar.service';

const CALENDAR_KEY = 'calendar';
let fingerprint: string | undefined;
/** What the installed chinese-days data is, to notice a newer package at boot (computed once). */
const packageFingerprint = (): string =>
  (fingerprint ??= createHash('sha256').update(JSON.stringify(packageYears())).digest('base64url'));
const actorName = (actor: Actor): string => `${actor.role}:${actor.sub}`;

/**
 * Every change of the working-day calendar: a year published or corrected, a local override set
 * or removed, a new package at boot. Each is a new version, recorded with who, when and why, and
 * published on `calendar.v1` with the whole definition, in the same transaction (outbox).
 */
@Injectable()
export class CalendarPublisher implements OnApplicationBootstrap {
  private readonly logger = new Logger(CalendarPublisher.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly repository: CalendarRepository,
    private readonly calendars: WorkingDayCalendarService,
  ) {}

  /** The first boot, and every boot with a newer chinese-days, publishes the package's years as a version. */
  async onApplicationBootstrap(): Promise<void> {
    await this.change('system', null, async (tx) => {
      if ((await this.repository.latestVersion(tx))?.packageFingerprint === packageFingerprint()) return null;
      const lastYear = packageYears()[packageYears().length - 1]!.year;
      this.logger.log(`chinese-days data (to ${lastYear}) published as a new calendar version`);
      return { kind: 'PACKAGE_LOADED', lastYear };
    });
  }

  /** Publishes (or corrects) a year's official arrangement; returns the new version. */
  async publishYear(
    year: number,
    publication: YearPublication,
    actor: Actor,
    reason: string | null,
  ): Promise<number> {
    const problems = validateYearPublication(year, publication);
    if (problems.length > 0) {
      throw new DomainException(
        'bad-request',
        'INVALID_CALENDAR_YEAR',
        problems.map((p) => `${p.field}: ${p.message}`).join('; '),
        { fields: problems },
      );
    }
    const version = await this.change(actorName(actor), reason, async (tx, next) => {
      const { firstYear, lastYear } = knownYears(await this.calendars.definition(tx));
      if (year < firstYear || year > Math.min(lastYear + 1, CALENDAR_LAST_YEAR)) {
        throw new DomainException(
          'conflict',
          'CALENDAR_YEAR_NOT_NEXT',
          `year: ${year} cannot be published now; the calendar knows ${firstYear}–${lastYear}, so a publication may correct one of those or add ${lastYear + 1}`,
        );
      }
      const holidays = publication.holidays.map((h) => ({ date: parseLocalDate(h.date), name: h.name }));
      const arrangement = {
        year,
        source: 'PUBLISHED' as const,
        reference: publication.reference,
        holidays,
        workingDays: publication.workingDays.map(parseLocalDate),
      };
      await this.repository.saveYear(tx, arrangement, next, actorName(actor), reason);
      return { kind: 'YEAR_PUBLISHED', year, reference: publication.reference, correction: year <= lastYear };
    });
    return version!;
  }

  async setOverride(override: CalendarOverride, actor: Actor): Promise<number> {
    this.assertInCalendar(override.date);
    const version = await this.change(actorName(actor), override.note, async (tx, next) => {
      await this.repository.saveOverride(tx, override, next, actorName(actor));
      return { kind: 'OVERRIDE_SET', date: override.date, overrideKind: override.kind };
    });
    return version!;
  }

  async removeOverride(date: string, actor: Actor): Promise<number> {
    const version = await this.change(actorName(actor), null, async (tx) => {
      if (!(await this.repository.removeOverride(tx, date)))
        throw new DomainException('not-found', 'OVERRIDE_NOT_FOUND', `no calendar override on ${date}`);
      return { kind: 'OVERRIDE_REMOVED', date };
    });
    return version!;
  }

  /**
   * Runs one change under the calendar lock: `record` writes it as version `next` and says what
   * changed (null: nothing to publish). The version joins the audit trail and the whole
   * definition is published, in the same transaction. Returns the version, or null.
   */
  private async change(
    changedBy: string,
    reason: string | null,
    record: (tx: Tx, next: number) => Promise<CalendarChange | null>,
  ): Promise<number | null> {
    const version = await this.transactions.run(async (tx) => {
      await this.repository.lock(tx);
      const next = ((await this.repository.latestVersion(tx))?.version ?? 0) + 1;
      const change = await record(tx, next);
      if (change === null) return null;
      await this.repository.addVersion(tx, {
        version: next,
        change,
        changedBy,
        reason,
        packageFingerprint: packageFingerprint(),
      });
      const definition = await this.calendars.definition(tx);
      await appendToOutbox(tx, CalendarChangedV1, CALENDAR_KEY, {
        version: next,
        change,
        changedBy,
        reason,
        changedAt: new Date().toISOString(),
        definition: {
          ...definition,
          years: definition.years.map((year) => ({
            ...year,
            source: year.source === 'PUBLISHED' ? ('PUBLISHED' as const) : ('PACKAGE' as const),
            holidays: [...year.holidays],
            workingDays: [...year.workingDays],
          })),
          overrides: [...definition.overrides],
        },
      });
      return next;
    });
    this.calendars.invalidate();
    return version;
  }

  private assertInCalendar(date: string): void {
    const firstYear = packageYears()[0]!.year;
    const year = yearOf(parseLocalDate(date));
    if (year < firstYear || year > CALENDAR_LAST_YEAR) {
      throw new DomainException(
        'bad-request',
        'CALENDAR_NOT_COVERED',
        `date: ${date} lies outside the calendar (${firstYear}–${CALENDAR_LAST_YEAR})`,
      );
    }
  }
}
