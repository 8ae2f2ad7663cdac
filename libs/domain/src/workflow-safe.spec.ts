import * as everything from './index';
import * as workflowSafe from './workflow-safe';

describe('barrels', () => {
  it("the workflow-safe barrel exports everything except what loads chinese-days or tyme4ts, and the tools' helpers", () => {
    const missing = Object.keys(everything).filter((name) => !(name in workflowSafe));
    expect(missing.sort()).toEqual([
      'SeededRandom',
      'cachedProvisionalYear',
      'chineseDaysCoverage',
      'createChineseWorkingDayCalendar',
      'mapConcurrently',
      'packageDefinition',
      'packageYears',
      'provisionalYear',
      'statutoryHolidays',
      'workingDayCalendarOf',
    ]);
  });

  it('loading the workflow-safe barrel does not load chinese-days (the full barrel does)', () => {
    jest.isolateModules(() => {
      jest.doMock('chinese-days/dist/chinese-days.json', () => {
        throw new Error('chinese-days was loaded');
      });
      expect(() => require('./workflow-safe')).not.toThrow();
      expect(() => require('./index')).toThrow(/chinese-days was loaded/);
    });
  });
});
