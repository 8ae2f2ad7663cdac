import type { Q1SimulationReport } from './report';
import { chartSvg, renderReportHtml } from './report-html';

const day = (date: string, completed: number, workingDay = true) => ({
  date,
  workingDay,
  completed,
  applicable: 10,
  rate: completed / 10,
});

const report: Q1SimulationReport = {
  quarter: '2023-Q1',
  target: 0.6,
  parameters: {
    seed: 1,
    pace: 1.3,
    paceByDepartment: { EEB: 2 },
    spread: 0.35,
    submitEarlyWorkingDays: 10,
    supplementShare: 0.15,
    projects: 2,
    planItems: 22,
    requiredProcedures: 10,
  },
  run: { simulatedDays: 3, procedureWorkflows: 4, seconds: 1.5 },
  curve: [day('2023-01-20', 1), day('2023-01-21', 1, false), day('2023-01-22', 2, false)],
  checkpoints: [
    {
      date: '2023-01-20',
      actual: 0.1,
      forecast: 0.3,
      target: 0.6,
      completed: 1,
      applicable: 10,
      pacePerWorkingDay: 0.1,
      completionsNeeded: 5,
      escalated: true,
    },
    {
      date: '2023-01-22',
      actual: 0.2,
      forecast: 0.7,
      target: 0.6,
      completed: 2,
      applicable: 10,
      pacePerWorkingDay: 0.2,
      completionsNeeded: 4,
      escalated: false,
    },
  ],
  escalations: [
    {
      time: '2023-01-20T01:00:00.000Z',
      rung: 'OVERDUE_SUPERVISOR',
      subject: 'procedure:BJ-2023-0001-EIA:1',
      projectCode: 'BJ-2023-0001',
      procedureId: 'BJ-2023-0001-EIA',
      department: 'EEB',
      dueDate: '2023-01-19',
      reason: 'late <script>alert(1)</script> & more',
    },
  ],
  reminders: { total: 2, byRung: { REMINDER_DUE_DAY: 2 } },
  procedures: {
    required: 10,
    submittedInQuarter: 4,
    submittedByMonth: { '2023-01': 4, 'after the quarter': 6 },
    accepted: 4,
    supplementRequests: 1,
    approved: 2,
    approvedInTime: 1,
    approvedLate: 1,
    openAtQuarterEnd: 8,
  },
  result: {
    actual: 0.2,
    met: false,
    completed: 2,
    applicable: 10,
    byDepartment: [{ department: 'EEB', completed: 2, applicable: 10, rate: 0.2, met: false }],
  },
};

describe('the simulation report page', () => {
  it('draws the curve over every day, a forecast dot per checkpoint (escalated ones ringed), rest days and the target line', () => {
    const svg = chartSvg(report);
    expect(svg.match(/<polyline class="actual" points="([^"]*)"/)![1]!.split(' ')).toHaveLength(3);
    const dots = svg.match(/<circle class="forecast[^"]*" [^>]*><title>[^<]*<\/title>/g)!;
    expect(dots).toHaveLength(2);
    expect(dots[0]).toMatch(
      /class="forecast escalated".*2023-01-20: 实际 actual 10.0 %, 预测 forecast 30.0 %, 已预警 escalated/,
    );
    expect(dots[1]).toMatch(/class="forecast" /);
    expect(svg.match(/<rect class="rest" [^>]*height="340"/g)).toHaveLength(2);
    // 60 % of a 340-pixel plot starting 24 pixels down: y = 24 + 340 × 0.4.
    expect(svg).toContain('<line class="target" x1="64" x2="936" y1="160.0" y2="160.0"/>');
  });

  it('is one self-contained page with Chinese and English labels, escaping what it shows', () => {
    const html = renderReportHtml(report);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toContain('late &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).toContain('未达标 MISSED');
    expect(html).toContain('EEB 生态环境局<br><small>Ecology and Environment</small>');
    expect(html).toContain('2023-01-20 09:00'); // the escalation's time in Asia/Shanghai
    expect(html).toContain('1.3; 分部门 per department: EEB 2');
  });
});
