/** A duration as configuration gives it: whole milliseconds (`3600000`) or ISO 8601 days and time (`PT1H`, `PT30M`, `P1DT2H`, `PT0.5S`). */
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

export const DURATION_RULE =
  'must be a duration: whole milliseconds (3600000) or ISO 8601 days and time (PT1H, PT30M, P1DT2H)';

/** Milliseconds of a duration, or null when the text is neither form (years, months and weeks are refused: their length varies). */
export function parseDurationMs(text: string): number | null {
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const match = ISO_DURATION.exec(value);
  if (match === null || value === 'P' || value.endsWith('T')) return null;
  const [, days, hours, minutes, seconds] = match;
  return Math.round(
    Number(days ?? 0) * 86_400_000 +
      Number(hours ?? 0) * 3_600_000 +
      Number(minutes ?? 0) * 60_000 +
      Number(seconds ?? 0) * 1_000,
  );
}
