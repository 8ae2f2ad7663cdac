import { validateYearPublication } from './year-arrangement-validation';

const valid = {
  reference: '国办发明电〔2026〕9号',
  holidays: [
    { date: '2027-02-05', name: '春节' },
    { date: '2027-02-06', name: '春节' },
  ],
  workingDays: ['2027-02-20'],
};

describe('validation of a published year', () => {
  it('accepts a consistent arrangement', () => {
    expect(validateYearPublication(2027, valid)).toEqual([]);
  });

  it('names the field, the date and the rule of each problem', () => {
    const problems = validateYearPublication(2027, {
      reference: ' ',
      holidays: [
        { date: '2028-01-01', name: '元旦' },
        { date: '2027-02-05', name: '春节' },
        { date: '2027-02-05', name: '春节' },
        { date: '2027-02-30', name: 'x' },
        { date: '2027-02-09', name: '' },
      ],
      workingDays: ['2027-02-08', '2027-02-05', '2027-02-20', '2027-02-20'],
    });
    expect(problems).toEqual([
      { field: 'reference', message: expect.stringMatching(/name the notice/) },
      { field: 'holidays.0.date', message: '2028-01-01 lies outside 2027' },
      { field: 'holidays.2.date', message: '2027-02-05 is listed twice (also holidays.1.date)' },
      { field: 'holidays.3.date', message: '"2027-02-30" is not a calendar date YYYY-MM-DD' },
      { field: 'holidays.4.name', message: 'the holiday on 2027-02-09 needs a name' },
      {
        field: 'workingDays.0',
        message: '2027-02-08 is a weekday; an adjusted working day (调休) must be a Saturday or Sunday',
      },
      {
        field: 'workingDays.1',
        message: '2027-02-05 is a weekday; an adjusted working day (调休) must be a Saturday or Sunday',
      },
      {
        field: 'workingDays.1',
        message: '2027-02-05 cannot be both a holiday (holidays.1.date) and a working day',
      },
      { field: 'workingDays.3', message: '2027-02-20 is listed twice (also workingDays.2)' },
    ]);
  });
});
