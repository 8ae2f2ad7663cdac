// The Chinese names the public pages show for the departments and clusters, shared by the board
// page and the departments page (both load this first).
'use strict';

window.BANJIE_LABELS = Object.freeze({
  departments: Object.freeze({
    DRC: '发改局',
    NRB: '自然资源局',
    EEB: '生态环境局',
    EMB: '应急管理局',
    WAB: '水务局',
    HCB: '住建局',
  }),
  clusters: Object.freeze({
    NEW_ENERGY_EQUIPMENT: '新能源及装备制造',
    MODERN_CHEMICALS: '现代化工',
    OTHER: '其他产业',
  }),
});
