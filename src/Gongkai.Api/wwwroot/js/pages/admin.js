// Admin: users, roles, passwords, department scopes and API tokens.
import { h, clear, when } from '../dom.js';
import { api, isAdmin, user } from '../api.js';

const ROLES = { admin: '管理员', reviewer: '审核人员', viewer: '查看者' };

export async function render(main) {
  if (!isAdmin()) { main.append(h('div', { class: 'error-box' }, '只有管理员可以管理用户。')); return; }
  const body = h('tbody');
  const shown = h('div', { id: 'new-secret' });
  const name = h('input', { id: 'new-user', placeholder: '用户名' });
  const role = h('select', { id: 'new-role' }, Object.entries(ROLES).map(([k, v]) => h('option', { value: k, selected: k === 'viewer' }, v)));
  const password = h('input', { id: 'new-password', type: 'password', placeholder: '密码（至少 8 位）', autocomplete: 'new-password' });
  const msg = h('span', { class: 'error-text' });
  main.append(h('h1', {}, '用户与令牌'), shown,
    h('form', { class: 'filters card', onsubmit: async (e) => {
      e.preventDefault();
      msg.textContent = '';
      try {
        await api('PUT', `/api/v1/users/${encodeURIComponent(name.value.trim())}`, { role: role.value, password: password.value || null });
        name.value = ''; password.value = '';
        await load();
      } catch (err) { msg.textContent = `${err.title}：${err.detail}`; }
    } }, h('b', {}, '新建或修改用户'), name, role, password, h('button', { type: 'submit', class: 'primary' }, '保存'), msg),
    h('table', { class: 'list', id: 'users' }, h('thead', {}, h('tr', {}, ['用户', '角色', '密码', '可访问的部门', 'API 令牌', ''].map((t) => h('th', {}, t)))), body));

  // a user limited to some departments sees and reviews only their documents (sub-departments included)
  function scopeCell(u, departments) {
    const names = new Map(departments.map((d) => [d.id, d.name]));
    const all = h('input', { type: 'checkbox', class: 'scope-all', checked: u.departments == null });
    const pick = h('select', { multiple: true, class: 'scope-departments', 'aria-label': `${u.name} 可访问的部门`,
      size: Math.min(6, Math.max(2, departments.length)), disabled: u.departments == null },
    departments.map((d) => h('option', { value: String(d.id), selected: (u.departments || []).includes(d.id) }, d.name)));
    all.addEventListener('change', () => { pick.disabled = all.checked; });
    const save = h('button', { type: 'button', class: 'scope-save', onclick: async () => {
      const ids = all.checked ? null : [...pick.selectedOptions].map((o) => Number(o.value));
      try { await api('PUT', `/api/v1/users/${encodeURIComponent(u.name)}/departments`, { departments: ids }); await load(); }
      catch (err) { alert(`${err.title}：${err.detail}`); }
    } }, '保存范围');
    const now = u.departments == null ? '全部部门'
      : u.departments.length === 0 ? '无（看不到任何部门）'
        : u.departments.map((id) => names.get(id) || `部门 ${id}`).join('、');
    return h('td', { class: 'scope' }, h('div', { class: 'small scope-now' }, now), h('label', {}, all, ' 全部部门'), pick, save);
  }

  async function load() {
    const [users, departments] = await Promise.all([api('GET', '/api/v1/users'), api('GET', '/api/v1/departments')]);
    clear(body).append(...users.map((u) => {
      const sel = h('select', { 'aria-label': '角色' }, Object.entries(ROLES).map(([k, v]) => h('option', { value: k, selected: u.role === k }, v)));
      sel.addEventListener('change', async () => { await api('PUT', `/api/v1/users/${encodeURIComponent(u.name)}`, { role: sel.value }); await load(); });
      if (u.name === user().name) sel.disabled = true;
      const pw = h('input', { type: 'password', placeholder: '新密码', autocomplete: 'new-password' });
      return h('tr', { dataset: { user: u.name } },
        h('td', {}, u.name, h('div', { class: 'small muted' }, when(u.createdAt))),
        h('td', {}, sel),
        h('td', {}, u.hasPassword ? '已设置' : '未设置', ' ', pw, h('button', { type: 'button', onclick: async () => {
          try { await api('PUT', `/api/v1/users/${encodeURIComponent(u.name)}`, { role: u.role, password: pw.value }); await load(); }
          catch (err) { alert(`${err.title}：${err.detail}`); }
        } }, '设置')),
        scopeCell(u, departments),
        h('td', {}, h('ul', { class: 'plain' }, u.tokens.map((t) => h('li', { class: t.revokedAt ? 'muted' : '' },
          h('code', {}, `${t.prefix}…`), ` ${when(t.createdAt)}`, t.revokedAt ? `（已吊销 ${when(t.revokedAt)}）` :
            h('button', { type: 'button', class: 'link', onclick: async () => { await api('DELETE', `/api/v1/tokens/${t.id}`); await load(); } }, '吊销'))))),
        h('td', {}, h('button', { type: 'button', onclick: async () => {
          const r = await api('POST', `/api/v1/users/${encodeURIComponent(u.name)}/tokens`);
          clear(shown).append(h('div', { class: 'card notice' }, `${u.name} 的新令牌（只显示这一次，请复制保存）：`, h('code', { class: 'secret' }, r.token)));
          await load();
        } }, '新建令牌')));
    }));
  }
  await load();
}
