/** Asia/Shanghai is UTC+8 all year (no daylight saving), so a local wall time maps to one instant. */
const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The instant of `time` ('HH:MM') on a civil day in Asia/Shanghai, as an ISO string. */
export function shanghaiInstant(date: string, time: string): string {
  if (!WALL_TIME.test(time)) throw new RangeError(`not a wall time 'HH:MM': ${JSON.stringify(time)}`);
  const ms = Date.parse(`${date}T${time}:00+08:00`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date 'YYYY-MM-DD': ${JSON.stringify(date)}`);
  return new Date(ms).toISOString();
}
