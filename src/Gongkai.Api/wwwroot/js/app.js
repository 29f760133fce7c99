// Hash router of the single-page app: #/login, #/ (overview), #/upload, #/doc/ID, #/dept/ID, #/compare, #/rules, #/admin.
import { h, clear } from './dom.js';
import { loadSession, user, isAdmin, canReview, signOut } from './api.js';

const routes = {
  login: () => import('./pages/login.js'),
  '': () => import('./pages/overview.js'),
  upload: () => import('./pages/upload.js'),
  doc: () => import('./pages/doc.js'),
  dept: () => import('./pages/dept.js'),
  compare: () => import('./pages/compare.js'),
  rules: () => import('./pages/rules.js'),
  admin: () => import('./pages/admin.js'),
};

export function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { page: parts[0] || '', args: parts.slice(1), query: new URLSearchParams(query || '') };
}

let cleanup = null;
let generation = 0;

function renderNav() {
  const nav = clear(document.getElementById('nav'));
  const who = clear(document.getElementById('who'));
  const u = user();
  if (!u) return;
  const { page } = parseHash();
  const link = (href, text, key) => h('a', { href, class: page === key ? 'active' : null }, text);
  nav.append(link('#/', '总览', ''));
  if (canReview()) nav.append(link('#/upload', '上传', 'upload'));
  nav.append(link('#/compare', '同类对比', 'compare'), link('#/rules', '规则', 'rules'));
  if (isAdmin()) nav.append(link('#/admin', '用户与令牌', 'admin'));
  const roleName = { admin: '管理员', reviewer: '审核人员', viewer: '查看者' }[u.role] || u.role;
  who.append(h('span', { class: 'user', 'data-role': u.role }, `${u.name}（${roleName}）`),
    h('button', { type: 'button', class: 'link', onclick: async () => { await signOut(); location.hash = '#/login'; } }, '退出'));
}

async function route() {
  const mine = ++generation;
  if (cleanup) { try { cleanup(); } catch { /* ignore */ } cleanup = null; }
  let { page, args, query } = parseHash();
  if (!user() && page !== 'login') { location.hash = '#/login'; return; }
  if (!(page in routes)) page = '';
  renderNav();
  // each route renders into its own view: a slower earlier page that finishes late lands in a detached element
  const main = document.getElementById('main');
  const view = h('div', { class: 'view' });
  main.replaceChildren(view);
  main.dataset.page = page || 'overview';
  try {
    const mod = await routes[page]();
    if (mine !== generation) return;
    const done = (await mod.render(view, args, query)) || null;
    if (mine !== generation) { if (done) done(); return; }
    cleanup = done;
  } catch (e) {
    if (mine === generation) view.replaceChildren(h('div', { class: 'error-box' }, h('strong', {}, e.title || '出错了'), ' ', e.detail || e.message || String(e)));
  }
}

window.addEventListener('hashchange', route);
loadSession().then(route, (e) => {
  clear(document.getElementById('main')).append(h('div', { class: 'error-box' }, '无法连接服务：', String(e)));
});
