// 各部门审批履诺情况: loads /api/departments (?asOf=, ?cluster=, ?chain=) and reloads it every minute.
// No framework: plain DOM, text only (never innerHTML with data).
'use strict';

(function departmentRecord() {
  const { departments: DEPARTMENT_LABELS, clusters: CLUSTER_LABELS } = window.BANJIE_LABELS;
  const RELOAD_MS = 60000;
  const params = new URLSearchParams(location.search);
  const query = new URLSearchParams();
  for (const key of ['asOf', 'cluster', 'chain']) if (params.get(key)) query.set(key, params.get(key));
  const $ = (id) => document.getElementById(id);

  function cell(text, className, note) {
    const td = document.createElement('td');
    if (className) td.className = className;
    td.textContent = text;
    if (note) {
      const small = document.createElement('small');
      small.textContent = note;
      td.append(small);
    }
    return td;
  }

  const percent = (rate) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
  const days = (value) => (value === null ? '—' : String(value));
  const chineseDate = (date) => {
    const [year, month, day] = date.split('-').map(Number);
    return `${year}年${month}月${day}日`;
  };

  function row(record) {
    const tr = document.createElement('tr');
    tr.dataset.department = record.department;
    const rateClass =
      record.withinLimitRate === null ? null : record.withinLimitRate >= 0.9 ? 'good' : 'warn';
    tr.append(
      cell(DEPARTMENT_LABELS[record.department] || record.department),
      cell(String(record.completed)),
      cell(
        percent(record.withinLimitRate),
        rateClass,
        record.completed ? `${record.completedWithinLimit}/${record.completed} 项` : null,
      ),
      cell(`${days(record.medianUsedWorkingDays)} / ${days(record.medianCommittedWorkingDays)}`),
      cell(String(record.deemedAccepted), record.deemedAccepted > 0 ? 'alarm' : null),
      cell(String(record.acceptedAfterWindow), record.acceptedAfterWindow > 0 ? 'warn' : null),
      cell(
        String(record.waitingForAcceptance),
        record.waitingPastWindow > 0 ? 'alarm' : null,
        `逾期 ${record.waitingPastWindow}`,
      ),
      cell(String(record.overdue), record.overdue > 0 ? 'alarm' : null),
    );
    return tr;
  }

  async function load() {
    const response = await fetch(`/api/departments?${query}`, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`departments: HTTP ${response.status}`);
    const record = await response.json();
    $('departments').replaceChildren(...record.departments.map(row));
    const scope = [
      record.filters.cluster && (CLUSTER_LABELS[record.filters.cluster] || record.filters.cluster),
      record.filters.chain && `${record.filters.chain}产业链`,
    ].filter(Boolean);
    $('scope').textContent =
      `${scope.length ? scope.join(' · ') : '全部重点项目'} · 截至 ${chineseDate(record.asOf)}`;
    $('as-of').textContent = chineseDate(record.asOf);
    $('updated-at').textContent = new Date().toLocaleTimeString('zh-CN', {
      timeZone: 'Asia/Shanghai',
      hourCycle: 'h23',
    });
    const banner = $('banner');
    banner.hidden = !params.get('asOf');
    if (params.get('asOf')) {
      banner.className = 'banner history';
      banner.textContent = `历史查询：以下为 ${chineseDate(record.asOf)} 当日的情况（根据事件记录重现）`;
    }
  }

  function start() {
    const attempt = () =>
      load().catch(() => {
        const banner = $('banner');
        banner.hidden = false;
        banner.className = 'banner';
        banner.textContent = '暂时无法取得数据，稍后自动重试。';
      });
    attempt();
    if (!params.get('asOf')) setInterval(attempt, RELOAD_MS);
  }

  start();
})();
