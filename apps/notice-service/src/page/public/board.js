// The flag board page: loads /api/board, follows /api/board/stream (SSE), pages through the
// projects. No framework: plain DOM, text only (never innerHTML with data).
'use strict';

(function flagBoard() {
  const FILTER_KEYS = ['cluster', 'chain', 'department', 'flag'];
  const FLAG_LABELS = {
    GREY: '未启动',
    BLUE: '办理中',
    YELLOW: '即将到期',
    RED: '已超期',
    GREEN: '已办结',
    NOT_APPLICABLE: '不涉及',
    ALREADY_HELD: '已取得',
  };
  // A submitted application waiting for acceptance: its own state on the board (its flag stays GREY).
  const ACCEPTANCE_LABELS = {
    WAITING: '待受理',
    SUPPLEMENT_REQUESTED: '待补正',
    LAPSED: '逾期未受理',
  };
  const PROCEDURE_LABELS = {
    PROJECT_APPROVAL: '立项',
    LAND_PREEXAM: '用地预审',
    LAND_USE: '用地审批',
    LAND_PLANNING: '用地规划',
    ENGINEERING_PLANNING: '工程规划',
    ENERGY_QUOTA: '节能审查',
    EIA: '环评',
    SAFETY: '安评',
    SOIL_WATER: '水土保持',
    FIRE_DESIGN: '消防审查',
    CONSTRUCTION_PERMIT: '施工许可',
  };
  const DEPARTMENT_LABELS = window.BANJIE_LABELS.departments;
  const CLUSTER_LABELS = window.BANJIE_LABELS.clusters;
  const TYPE_LABELS = { CONTINUING: '续建', NEW: '新建' };
  const STATE_LABELS = {
    SIGNED: '已签约',
    PREPARING: '前期办理',
    STARTED: '已开工',
    RESUMED: '已复工',
    UNDER_CONSTRUCTION: '在建',
    COMPLETED: '已竣工',
    SUSPENDED: '暂停',
    CANCELLED: '已取消',
    REMOVED: '已移出',
  };
  const STATUS_NOTES = {
    SUPPLEMENT_REQUESTED: '补正中',
    SUBMITTED: '已申报',
    REFUSED: '未通过',
    WITHDRAWN: '已撤回',
  };
  const WATCHDOG_MS = 45000;

  const params = new URLSearchParams(location.search);
  const historyDay = params.get('asOf');
  const pageSeconds = Math.max(5, Number(params.get('pageSeconds')) || 15);
  const filters = new URLSearchParams();
  for (const key of FILTER_KEYS) if (params.get(key)) filters.set(key, params.get(key));

  const state = {
    board: null,
    cards: [],
    appliedChangeId: 0,
    page: 0,
    pageSize: 10,
    source: null,
    lastMessageAt: 0,
    retryTimer: null,
  };
  const $ = (id) => document.getElementById(id);

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  const percent = (rate) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
  const shortDate = (date) => (date ? date.slice(5) : '');
  const chineseDate = (date) => {
    const [year, month, day] = date.split('-').map(Number);
    const weekday = '日一二三四五六'[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
    return `${year}年${month}月${day}日 星期${weekday}`;
  };
  const shanghaiTime = (instant, withSeconds) =>
    new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    }).format(instant);

  // ---- connection state -------------------------------------------------------------------

  function setConnection(status) {
    document.body.dataset.connection = status;
    const labels = {
      connecting: '连接中…',
      live: '实时更新',
      reconnecting: '正在重新连接…',
      history: '历史查询',
    };
    $('connection').textContent = labels[status];
    const banner = $('banner');
    if (status === 'reconnecting') {
      banner.hidden = false;
      banner.className = 'banner';
      banner.textContent = '与公示服务器的连接已中断，正在自动重新连接；恢复后将立即更新。';
    } else if (status !== 'history') {
      banner.hidden = true;
    }
  }

  // ---- data -------------------------------------------------------------------------------

  async function loadBoard() {
    const query = new URLSearchParams(filters);
    if (historyDay) query.set('asOf', historyDay);
    const response = await fetch(`/api/board?${query}`, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`board: HTTP ${response.status}`);
    const board = await response.json();
    state.board = board;
    state.cards = board.projects;
    state.appliedChangeId = Math.max(state.appliedChangeId, board.lastChangeId || 0);
    renderHeader(board.summary);
    renderColumns(board.columns);
    renderScope(board);
    renderUpdatedAt(board.updatedAt);
    renderPage(false);
  }

  function applyCardChange(change) {
    if (change.changeId <= state.appliedChangeId) return;
    state.appliedChangeId = change.changeId;
    const index = state.cards.findIndex((card) => card.code === change.code);
    if (!change.onBoard) {
      if (index >= 0) state.cards.splice(index, 1);
    } else if (index >= 0) {
      state.cards[index] = change.card;
    } else {
      state.cards.push(change.card);
      state.cards.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    }
    renderUpdatedAt(change.changedAt);
    renderPage(false, change.onBoard ? change.code : null);
  }

  // ---- live stream ------------------------------------------------------------------------

  function connect() {
    clearTimeout(state.retryTimer);
    if (state.source) state.source.close();
    const query = new URLSearchParams(filters);
    if (state.appliedChangeId) query.set('since', String(state.appliedChangeId));
    const source = new EventSource(`/api/board/stream?${query}`);
    state.source = source;
    let reconnecting = false;
    source.onopen = () => {
      state.lastMessageAt = Date.now();
      setConnection('live');
      // After any interruption, reload the board too: whatever happened meanwhile, the screen is right again.
      if (reconnecting) loadBoard().catch(() => undefined);
      reconnecting = true;
    };
    source.onerror = () => {
      setConnection('reconnecting');
      // The browser retries by itself (the server sets `retry:`), unless it gave up on the stream.
      if (source.readyState === EventSource.CLOSED) state.retryTimer = setTimeout(connect, 3000);
    };
    const seen = () => (state.lastMessageAt = Date.now());
    source.addEventListener('card', (event) => {
      seen();
      applyCardChange(JSON.parse(event.data));
    });
    source.addEventListener('summary', (event) => {
      seen();
      renderHeader(JSON.parse(event.data).summary);
    });
    source.addEventListener('resync', () => {
      seen();
      state.appliedChangeId = 0;
      loadBoard().catch(() => undefined);
    });
    source.addEventListener('ping', seen);
  }

  /** A stream can die silently (a half-open connection): no ping for a while means reconnect. */
  function watchdog() {
    if (!historyDay && state.source && Date.now() - state.lastMessageAt > WATCHDOG_MS) {
      setConnection('reconnecting');
      connect();
    }
  }

  // ---- rendering ------------------------------------------------------------------------

  function renderScope(board) {
    const parts = [];
    if (board.filters.cluster) parts.push(CLUSTER_LABELS[board.filters.cluster] || board.filters.cluster);
    if (board.filters.chain) parts.push(`${board.filters.chain}产业链`);
    if (board.filters.department)
      parts.push(DEPARTMENT_LABELS[board.filters.department] || board.filters.department);
    if (board.filters.flag) parts.push(`${FLAG_LABELS[board.filters.flag]}事项`);
    $('scope').textContent =
      `${parts.length ? parts.join(' · ') : '全部重点项目'}（${board.summary.projects}个）`;
    $('as-of').textContent = historyDay ? `${chineseDate(board.asOf)}公示情况` : chineseDate(board.asOf);
    if (historyDay) {
      const banner = $('banner');
      banner.hidden = false;
      banner.className = 'banner history';
      banner.textContent = `历史查询：以下为 ${chineseDate(board.asOf)} 当日的公示情况（根据事件记录重现）`;
    }
  }

  function renderHeader(summary) {
    const completion = summary.completion;
    $('completion-rate').textContent = percent(completion.rate);
    $('completion-counts').textContent = `${completion.completed}/${completion.applicable}项`;
    $('completion-target').textContent = percent(completion.target).replace('.0%', '%');
    $('completion-fill').style.width = `${Math.min(100, (completion.rate || 0) * 100)}%`;
    $('completion-mark').style.left = `${completion.target * 100}%`;
    const panel = document.querySelector('.kpi-completion');
    const reached = completion.rate !== null && completion.rate >= completion.target;
    panel.classList.toggle('reached', reached);
    panel.classList.toggle('below', completion.rate !== null && !reached);
    $('completion-verdict').textContent =
      completion.rate === null
        ? ''
        : reached
          ? '已达标'
          : `差 ${((completion.target - completion.rate) * 100).toFixed(1)} 个百分点`;
    $('resume-rate').textContent = percent(summary.resume.rate);
    $('resume-counts').textContent = `续建 ${summary.resume.begun}/${summary.resume.total} 个已复工`;
    $('start-rate').textContent = percent(summary.start.rate);
    $('start-counts').textContent = `新建 ${summary.start.begun}/${summary.start.total} 个已开工`;
    renderLegend(summary.flags, summary.acceptance || {});
    if (state.board) {
      state.board.summary = summary;
      renderScope(state.board);
    }
  }

  function renderLegend(counts, waiting) {
    const legend = $('legend');
    const item = (key, mark, label, count) => {
      const entry = element('li');
      entry.dataset.flag = key;
      entry.append(
        mark,
        ...(label ? [element('span', null, label)] : []),
        element('span', 'count', String(count)),
      );
      return entry;
    };
    const waitingTotal = Object.values(waiting).reduce((sum, count) => sum + count, 0);
    const flagItem = (flag) => {
      const badge = flag === 'NOT_APPLICABLE' || flag === 'ALREADY_HELD';
      // Waiting for acceptance has items of its own: GREY counts what is left (not applied, refused, withdrawn).
      const count = (counts[flag] || 0) - (flag === 'GREY' ? waitingTotal : 0);
      return item(flag, flagMark(flag), badge ? null : FLAG_LABELS[flag], count);
    };
    const acceptanceItem = (state) => item(state, acceptanceMark(state), null, waiting[state] || 0);
    legend.replaceChildren(
      flagItem('GREY'),
      ...Object.keys(ACCEPTANCE_LABELS).map(acceptanceItem),
      ...Object.keys(FLAG_LABELS)
        .filter((flag) => flag !== 'GREY')
        .map(flagItem),
    );
  }

  function renderColumns(columns) {
    const head = $('columns');
    head.replaceChildren(element('div', null, '项目名称 / 编号'));
    for (const column of columns) {
      const cell = element('div', null, PROCEDURE_LABELS[column.procedure] || column.nameZh);
      cell.title = column.nameZh;
      cell.append(element('small', null, DEPARTMENT_LABELS[column.department] || column.department));
      head.append(cell);
    }
    state.columns = columns;
  }

  function renderUpdatedAt(instant) {
    $('updated-at').textContent = instant ? shanghaiTime(new Date(instant), true) : '—';
  }

  function flagMark(flag) {
    if (flag === 'NOT_APPLICABLE' || flag === 'ALREADY_HELD')
      return element('span', `badge ${flag}`, FLAG_LABELS[flag]);
    const mark = element('span', `flag ${flag || 'UNKNOWN'}`);
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', flag ? FLAG_LABELS[flag] : '暂无法计算');
    return mark;
  }

  function acceptanceMark(state) {
    return element('span', `acceptance ${state}`, ACCEPTANCE_LABELS[state]);
  }

  /** 待受理 / 待补正 / 逾期未受理 in place of the grey flag, the window's last day (受) and the working days waited. */
  function acceptanceCell(cell, procedure) {
    const acceptance = procedure.acceptance;
    cell.dataset.acceptance = acceptance.state;
    cell.append(acceptanceMark(acceptance.state));
    if (acceptance.dueDate) {
      const line = element('span', 'date');
      line.append(element('b', null, '受'), document.createTextNode(shortDate(acceptance.dueDate)));
      cell.append(line);
    }
    cell.append(element('span', 'note waited', `已等${acceptance.workingDaysWaiting}日`));
    cell.title = `${PROCEDURE_LABELS[procedure.procedure]}：${ACCEPTANCE_LABELS[acceptance.state]}，${acceptance.submittedOn} 申报，已等 ${acceptance.workingDaysWaiting} 个工作日${acceptance.dueDate ? `，受理期限 ${acceptance.dueDate}` : '（申请人补正材料期间不计）'}`;
    return cell;
  }

  /** The date beside a flag: completed on (结), the committed due date (限), or the plan's target (计). */
  function dateBeside(procedure) {
    if (
      procedure.flag === 'NOT_APPLICABLE' ||
      procedure.flag === 'ALREADY_HELD' ||
      procedure.status === 'SUPPLEMENT_REQUESTED'
    )
      return null;
    if (procedure.flag === 'GREEN')
      return procedure.completedOn ? { label: '结', day: procedure.completedOn } : null;
    if (procedure.dueDate)
      return { label: '限', day: procedure.dueDate, provisional: procedure.dueDateProvisional === true };
    return procedure.committedDate ? { label: '计', day: procedure.committedDate } : null;
  }

  function procedureCell(procedure) {
    const cell = element('div', 'cell');
    if (!procedure) {
      cell.classList.add('none');
      cell.textContent = '·';
      return cell;
    }
    cell.dataset.procedure = procedure.procedure;
    cell.dataset.flag = procedure.flag || 'UNKNOWN';
    if (procedure.acceptance) return acceptanceCell(cell, procedure);
    cell.append(flagMark(procedure.flag));
    const date = dateBeside(procedure);
    if (date) {
      const line = element('span', 'date');
      line.append(element('b', null, date.label), document.createTextNode(shortDate(date.day)));
      // Counted across a year whose holiday arrangement is not published yet: the date may still move.
      if (date.provisional) line.append(element('span', 'provisional', '暂定'));
      cell.append(line);
    } else if (STATUS_NOTES[procedure.status]) {
      cell.append(element('span', 'note', STATUS_NOTES[procedure.status]));
    }
    // The department never decided within the acceptance window: the law deemed it accepted (art. 32).
    if (procedure.deemedAccepted) {
      cell.dataset.deemed = 'true';
      cell.append(element('span', 'deemed', '视为受理'));
    }
    // Recorded late (补录) by an admin, beyond the back-dating grace: said in the cell's title.
    if (procedure.lateEntry) cell.dataset.lateEntry = 'true';
    cell.title = `${PROCEDURE_LABELS[procedure.procedure]}：${procedure.flag ? FLAG_LABELS[procedure.flag] : '暂无法计算'}${procedure.deemedAccepted ? '（受理期限内未作决定，依法视为受理）' : ''}${procedure.documentNumber ? `（${procedure.documentNumber}）` : ''}${procedure.lateEntry ? '（补录）' : ''}${procedure.dueDateProvisional ? '（截止日期暂定：该年放假安排尚未公布）' : ''}`;
    return cell;
  }

  function projectRow(card) {
    const row = element('div', 'row');
    row.dataset.code = card.code;
    const project = element('div', 'project');
    project.append(element('div', 'name', card.name));
    const meta = element('div', 'meta');
    meta.append(
      element('span', `tag ${card.type}`, TYPE_LABELS[card.type]),
      document.createTextNode(
        `${card.code} · ${STATE_LABELS[card.state] || card.state} · ${card.responsibleUnit}`,
      ),
    );
    project.append(meta);
    project.title = `${card.name}（${card.location}，总投资 ${card.totalInvestment} 亿元）`;
    row.append(project);
    const byCode = new Map(card.procedures.map((procedure) => [procedure.procedure, procedure]));
    for (const column of state.columns || []) row.append(procedureCell(byCode.get(column.procedure)));
    return row;
  }

  /** How many rows fit: the rows area's height over one row's height. */
  function fitPageSize() {
    const rows = $('rows');
    const rowHeight = parseFloat(getComputedStyle(document.documentElement).fontSize) * 3.05;
    state.pageSize = Math.max(1, Math.floor(rows.clientHeight / rowHeight));
  }

  function pageCount() {
    return Math.max(1, Math.ceil(state.cards.length / state.pageSize));
  }

  function renderPage(turned, changedCode) {
    fitPageSize();
    state.page = Math.min(state.page, pageCount() - 1);
    const start = state.page * state.pageSize;
    const rows = state.cards.slice(start, start + state.pageSize).map((card) => {
      const row = projectRow(card);
      if (card.code === changedCode) row.classList.add('changed');
      return row;
    });
    $('rows').replaceChildren(...rows);
    $('empty').hidden = state.cards.length > 0;
    $('page-label').textContent = `第 ${state.page + 1} / ${pageCount()} 页`;
    if (turned) restartPageProgress();
  }

  function restartPageProgress() {
    const bar = $('page-progress');
    bar.classList.remove('running');
    bar.style.setProperty('--page-duration', `${pageSeconds}s`);
    void bar.offsetWidth;
    if (pageCount() > 1) bar.classList.add('running');
  }

  function turnPage() {
    state.page = (state.page + 1) % pageCount();
    renderPage(true);
  }

  function tickClock() {
    $('clock').textContent = shanghaiTime(new Date(), false);
  }

  // ---- start ------------------------------------------------------------------------------

  async function start() {
    tickClock();
    setInterval(tickClock, 1000);
    setInterval(turnPage, pageSeconds * 1000);
    // Not before the board has loaded: an empty page would say 暂无符合条件的项目 while it connects.
    window.addEventListener('resize', () => state.board && renderPage(false));
    if (historyDay) setConnection('history');
    for (;;) {
      try {
        await loadBoard();
        break;
      } catch {
        setConnection('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, 3000));
      }
    }
    restartPageProgress();
    if (!historyDay) {
      connect();
      setInterval(watchdog, 5000);
    }
  }

  start();
})();
