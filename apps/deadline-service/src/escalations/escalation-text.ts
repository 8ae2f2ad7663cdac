/** "24 小时", "90 分钟": a duration as a person would say it. */
export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} 小时`;
  return `${minutes} 分钟`;
}

/** The instant in Beijing time, to the minute: "2023-03-07 09:00". */
export function beijingTime(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** What the follow-up of an escalation nobody acknowledged says, in Chinese. */
export function describeFollowUp(
  original: { rung: string; subject: string; raisedAt: Date },
  ackTimeoutMs: number,
): string {
  return (
    `升级提醒 ${original.rung}（${original.subject}）于 ${beijingTime(new Date(original.raisedAt))}（北京时间）发出，` +
    `${describeDuration(ackTimeoutMs)}内无人确认，现再次升级。`
  );
}
