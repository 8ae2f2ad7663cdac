import { beijingTime, describeDuration, describeFollowUp } from './escalation-text';

describe('escalation texts', () => {
  it('says durations in whole hours when they are, else in minutes', () => {
    expect(describeDuration(86_400_000)).toBe('24 小时');
    expect(describeDuration(3_600_000)).toBe('1 小时');
    expect(describeDuration(60_000)).toBe('1 分钟');
    expect(describeDuration(90 * 60_000)).toBe('90 分钟');
  });

  it('shows instants in Beijing time', () => {
    expect(beijingTime(new Date('2023-03-07T01:00:00Z'))).toBe('2023-03-07 09:00');
    expect(beijingTime(new Date('2023-03-07T17:30:00Z'))).toBe('2023-03-08 01:30');
  });

  it('says which escalation went unacknowledged, since when and for how long', () => {
    expect(
      describeFollowUp(
        {
          rung: 'OVERDUE_SUPERVISOR',
          subject: 'procedure:BJ-2023-0001-EIA:1',
          raisedAt: new Date('2023-03-07T01:00:00Z'),
        },
        86_400_000,
      ),
    ).toBe(
      '升级提醒 OVERDUE_SUPERVISOR（procedure:BJ-2023-0001-EIA:1）于 2023-03-07 09:00（北京时间）发出，24 小时内无人确认，现再次升级。',
    );
  });
});
