import { percent, type Q1SimulationReport } from './report';

const DEPARTMENTS: Record<string, { zh: string; en: string }> = {
  DRC: { zh: '发展和改革局', en: 'Development and Reform' },
  NRB: { zh: '自然资源局', en: 'Natural Resources' },
  EEB: { zh: '生态环境局', en: 'Ecology and Environment' },
  EMB: { zh: '应急管理局', en: 'Emergency Management' },
  WAB: { zh: '水务局', en: 'Water Affairs' },
  HCB: { zh: '住房和城乡建设局', en: 'Housing and Urban-Rural Development' },
};

const RUNGS: Record<string, string> = {
  OVERDUE_SUPERVISOR: '逾期 · 报督查 Overdue → supervisors',
  OVERDUE_LEADING_OFFICIAL: '逾期 · 报牵头市领导 Overdue → leading official',
  CHECKPOINT: '目标预警 Checkpoint: actual or forecast below the target',
};

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const department = (code: string | null): string => {
  if (code === null) return '—';
  const names = DEPARTMENTS[code];
  return names ? `${escape(code)} ${names.zh}<br><small>${names.en}</small>` : escape(code);
};

const rungKind = (rung: string): string => (rung.startsWith('CHECKPOINT_') ? 'CHECKPOINT' : rung);
const rungLabel = (rung: string): string => RUNGS[rungKind(rung)] ?? rung;

/** '2023-03-16 09:00' in Asia/Shanghai (UTC+8 all year). */
const shanghaiTime = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const met = (value: boolean | null): string =>
  value === null ? '—' : value ? '<b class="ok">达标 met</b>' : '<b class="miss">未达标 missed</b>';

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The completion-rate curve, the forecasts at the checkpoints and the target line, as an inline SVG. */
export function chartSvg(report: Q1SimulationReport): string {
  const width = 960;
  const height = 420;
  const m = { left: 64, right: 24, top: 24, bottom: 56 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const days = report.curve;
  const index = new Map(days.map((d, i) => [d.date, i]));
  const x = (date: string) => m.left + (plotW * index.get(date)!) / Math.max(1, days.length - 1);
  const y = (rate: number) => m.top + plotH * (1 - rate);
  const dayWidth = plotW / Math.max(1, days.length - 1);
  const f = (n: number) => n.toFixed(1);

  const restDays = days
    .filter((d) => !d.workingDay)
    .map(
      (d) =>
        `<rect class="rest" x="${f(x(d.date) - dayWidth / 2)}" y="${m.top}" width="${f(dayWidth)}" height="${plotH}"/>`,
    );
  const grid = [0, 0.2, 0.4, 0.6, 0.8, 1].map(
    (r) =>
      `<line class="grid" x1="${m.left}" x2="${width - m.right}" y1="${f(y(r))}" y2="${f(y(r))}"/><text class="axis" x="${m.left - 8}" y="${f(y(r) + 4)}" text-anchor="end">${r * 100} %</text>`,
  );
  const ticks = days
    .filter((d) => d.date.endsWith('-01') || d.date.endsWith('-15'))
    .map(
      (d) =>
        `<line class="grid" x1="${f(x(d.date))}" x2="${f(x(d.date))}" y1="${m.top + plotH}" y2="${m.top + plotH + 5}"/><text class="axis" x="${f(x(d.date))}" y="${m.top + plotH + 20}" text-anchor="middle">${Number(d.date.slice(5, 7))}月${Number(d.date.slice(8))}日</text>`,
    );
  const actual = days
    .filter((d) => d.rate !== null)
    .map((d) => `${f(x(d.date))},${f(y(d.rate!))}`)
    .join(' ');
  const forecasts = report.checkpoints.filter((c) => c.forecast !== null && index.has(c.date));
  const forecastLine = forecasts.map((c) => `${f(x(c.date))},${f(y(c.forecast!))}`).join(' ');
  const forecastDots = forecasts.map(
    (c) =>
      `<circle class="forecast${c.escalated ? ' escalated' : ''}" cx="${f(x(c.date))}" cy="${f(y(c.forecast!))}" r="4"><title>${c.date}: 实际 actual ${percent(c.actual)}, 预测 forecast ${percent(c.forecast)}${c.escalated ? ', 已预警 escalated' : ''}</title></circle>`,
  );
  const targetY = f(y(report.target));
  const legendY = height - 12;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="completion rate curve">
<style>.rest{fill:#eef0f3}.grid{stroke:#d0d4da;stroke-width:1}.axis{font-size:12px;fill:#555}.actual{fill:none;stroke:#1f5fbf;stroke-width:2.5}
.forecast-line{fill:none;stroke:#e08a00;stroke-width:1.5;stroke-dasharray:4 3}.forecast{fill:#e08a00}.forecast.escalated{stroke:#c62828;stroke-width:2}
.target{stroke:#c62828;stroke-width:1.5;stroke-dasharray:8 4}.label{font-size:12px}</style>
${restDays.join('')}
${grid.join('')}
${ticks.join('')}
<line class="target" x1="${m.left}" x2="${width - m.right}" y1="${targetY}" y2="${targetY}"/>
<text class="label" x="${m.left + 6}" y="${f(y(report.target) - 6)}" fill="#c62828">目标 Target ${percent(report.target)}</text>
<polyline class="forecast-line" points="${forecastLine}"/>
<polyline class="actual" points="${actual}"/>
${forecastDots.join('')}
<g class="label"><line class="actual" x1="${m.left}" x2="${m.left + 24}" y1="${legendY - 4}" y2="${legendY - 4}"/><text x="${m.left + 30}" y="${legendY}">实际办结率 Actual completion rate</text>
<circle class="forecast" cx="${m.left + 270}" cy="${legendY - 4}" r="4"/><text x="${m.left + 280}" y="${legendY}">检查点预测 Forecast at a checkpoint</text>
<circle class="forecast escalated" cx="${m.left + 520}" cy="${legendY - 4}" r="4"/><text x="${m.left + 530}" y="${legendY}">已预警 Escalated</text>
<rect class="rest" x="${m.left + 680}" y="${legendY - 12}" width="14" height="12"/><text x="${m.left + 700}" y="${legendY}">休息日 Rest day</text></g>
</svg>`;
}

/** A self-contained page: the chart, the checkpoints, the result by department and every escalation. */
export function renderReportHtml(report: Q1SimulationReport): string {
  const p = report.parameters;
  const { result, procedures } = report;
  const overrides =
    Object.entries(p.paceByDepartment)
      .map(([code, pace]) => `${escape(code)} ${pace}`)
      .join(', ') || '—';
  const byRung = Object.entries(
    report.escalations.reduce<Record<string, number>>(
      (counts, e) => ({ ...counts, [rungKind(e.rung)]: (counts[rungKind(e.rung)] ?? 0) + 1 }),
      {},
    ),
  );
  const verdict = result.met ? `<span class="ok">达标 MET</span>` : `<span class="miss">未达标 MISSED</span>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>一季度办结率模拟 Q1 completion-rate simulation — ${escape(report.quarter)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1000px;color:#222}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #e1e4e8;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}.ok{color:#2e7d32}.miss{color:#c62828}.big{font-size:28px;font-weight:600}small{color:#666}svg{width:100%;height:auto}td:first-child{white-space:nowrap}</style></head>
<body>
<h1>${escape(report.quarter)} 重点项目手续办结率模拟<br><small>Key-project procedure completion rate — simulated quarter</small></h1>
<p class="big">${percent(result.actual)} ${verdict}</p>
<p>季末办结 ${result.completed}/${result.applicable} 项（目标 ${percent(report.target)}）· ${result.completed} of ${result.applicable} required procedures approved by the quarter's last day (target ${percent(report.target)}).</p>
${chartSvg(report)}
<h2>参数 Parameters</h2>
${table(
  ['参数 Parameter', '值 Value'],
  [
    [
      '项目 Projects / 计划事项 Plan items / 必办手续 Required procedures',
      `${p.projects} / ${p.planItems} / ${p.requiredProcedures}`,
    ],
    [
      '部门节奏 Department pace (share of the committed limit)',
      `${p.pace}; 分部门 per department: ${overrides}`,
    ],
    ['离散度 Spread (σ, log-normal)', String(p.spread)],
    ['提前申报 Submitted up to N working days early', String(p.submitEarlyWorkingDays)],
    ['补正比例 Share with a supplement request', String(p.supplementShare)],
    ['随机种子 Seed', String(p.seed)],
    [
      '模拟 Simulation',
      `${report.run.simulatedDays} 天 days, ${report.run.procedureWorkflows} 个时限工作流 clock workflows, ${report.run.seconds} s`,
    ],
  ],
)}
<h2>手续 Procedures</h2>
${table(
  ['项目 Item', '数量 Count'],
  [
    [
      '季内申报 Submitted in the quarter',
      `${procedures.submittedInQuarter} (${Object.entries(procedures.submittedByMonth)
        .map(([month, n]) => `${escape(month)}: ${n}`)
        .join(', ')})`,
    ],
    ['受理 Accepted', String(procedures.accepted)],
    ['补正 Supplement requests', String(procedures.supplementRequests)],
    [
      '办结 Approved',
      `${procedures.approved}（按时 in time ${procedures.approvedInTime}，超时 late ${procedures.approvedLate}）`,
    ],
    ['季末未办结 Still open at the quarter end', String(procedures.openAtQuarterEnd)],
  ],
)}
<h2>分部门结果 Result by department</h2>
${table(
  ['部门 Department', '办结 Approved / 必办 Required', '办结率 Rate', '结果 Result'],
  result.byDepartment.map((d) => [
    department(d.department),
    `${d.completed}/${d.applicable}`,
    percent(d.rate),
    met(d.met),
  ]),
)}
<h2>检查点 Checkpoints</h2>
${table(
  [
    '日期 Date',
    '实际 Actual',
    '预测 Forecast',
    '目标 Target',
    '办结/必办 Approved/Required',
    '日均 Pace per working day',
    '尚需 Still needed',
    '预警 Escalated',
  ],
  report.checkpoints.map((c) => [
    escape(c.date),
    percent(c.actual),
    percent(c.forecast),
    percent(c.target),
    `${c.completed}/${c.applicable}`,
    c.pacePerWorkingDay === null ? '—' : String(c.pacePerWorkingDay),
    String(c.completionsNeeded),
    c.escalated ? '<b class="miss">是 yes</b>' : '否 no',
  ]),
)}
<h2>预警与督办 Escalations (${report.escalations.length})</h2>
${table(
  ['类型 Kind', '数量 Count'],
  byRung.map(([kind, n]) => [escape(RUNGS[kind] ?? kind), String(n)]),
)}
<p>提醒 Reminders sent: ${report.reminders.total} (${Object.entries(report.reminders.byRung)
    .map(([rung, n]) => `${escape(rung)} ${n}`)
    .join(', ')})</p>
${table(
  ['时间 Time (Asia/Shanghai)', '级别 Rung', '手续 Procedure', '部门 Department', '到期 Due', '说明 Reason'],
  report.escalations.map((e) => [
    escape(shanghaiTime(e.time)),
    escape(rungLabel(e.rung)),
    escape(e.procedureId ?? e.projectCode),
    department(e.department),
    escape(e.dueDate ?? '—'),
    escape(e.reason),
  ]),
)}
<p><small>模型 Model: each required procedure is submitted aiming at its plan's target date (up to ${p.submitEarlyWorkingDays} working days early, never before its project was listed), accepted 1–3 working days later and approved after a log-normal number of working days around pace × its committed limit, in Chinese working days (2023 Spring Festival included); the real quarterTargetWorkflow and procedureDeadlineWorkflow ran in Temporal's time-skipping test server.</small></p>
</body></html>
`;
}
