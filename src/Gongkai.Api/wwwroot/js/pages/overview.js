// Overview: department × year grid with the 错误/警告 counts of each document, filters, recent uploads, what waits.
import { h, clear, when } from '../dom.js';
import { api, canReview } from '../api.js';

const STATUS = { pending: '处理中', ready: '已审核', 'needs-details': '待补充信息', unreadable: '无法读取' };

/** The 错误/警告 still open (dismissed findings not counted). */
export function openCounts(d) {
  return { e: d.openErrors ?? d.errors ?? 0, w: d.openWarnings ?? d.warnings ?? 0, dismissed: d.dismissed || 0 };
}

export function docChip(d) {
  const { e, w, dismissed } = openCounts(d);
  const cls = d.status !== 'ready' ? 'chip muted' : e > 0 ? 'chip err' : w > 0 ? 'chip warn' : 'chip ok';
  const label = d.status !== 'ready' ? STATUS[d.status] || d.status : `错误 ${e} · 警告 ${w}`;
  return h('a', { class: cls, href: `#/doc/${d.id}`, dataset: { doc: d.id, errors: e, warnings: w, dismissed },
    title: `${d.name}${dismissed ? `（已忽略 ${dismissed} 条，未计入）` : ''}` },
  h('b', {}, d.kind || '?'), d.version > 1 ? `（第${d.version}版）` : '', ' ', label,
  d.status === 'ready' && dismissed > 0 ? h('span', { class: 'dismissed-count' }, ` · 已忽略 ${dismissed}`) : null);
}

export async function render(main) {
  const [docs, depts] = await Promise.all([api('GET', '/api/v1/documents'), api('GET', '/api/v1/departments')]);
  const deptById = new Map(depts.map((d) => [d.id, d]));
  const distinct = (xs) => [...new Set(xs.filter((x) => x != null && x !== ''))].sort();
  const sel = (id, label, values) => h('label', {}, label, ' ', h('select', { id }, h('option', { value: '' }, '全部'), values.map((v) => h('option', { value: v }, String(v)))));
  const filters = h('div', { class: 'filters' },
    sel('f-region', '地区', distinct(depts.map((d) => d.region))),
    sel('f-type', '类型', distinct(depts.map((d) => d.type))),
    sel('f-kind', '预算/决算', ['预算', '决算']),
    sel('f-year', '年度', distinct(docs.map((d) => d.year)).reverse()));
  const grid = h('div', { class: 'grid-wrap' });
  const waiting = h('div');
  const recent = h('div');
  main.append(
    h('div', { class: 'page-head' }, h('h1', {}, '总览'), canReview() ? h('a', { class: 'button primary', href: '#/upload' }, '上传文档') : null),
    filters, grid,
    h('div', { class: 'two-col' }, h('section', { class: 'card', id: 'waiting' }, h('h2', {}, '待处理'),
      h('p', { class: 'small muted' }, '计数不含已忽略的问题。'), waiting), h('section', { class: 'card' }, h('h2', {}, '最近上传'), recent)));

  function draw() {
    const v = (id) => filters.querySelector('#' + id).value;
    const region = v('f-region'), type = v('f-type'), kind = v('f-kind'), year = v('f-year');
    const shown = docs.filter((d) => d.status === 'ready' && d.departmentId != null
      && (!kind || d.kind === kind) && (!year || String(d.year) === year)
      && (!region || deptById.get(d.departmentId)?.region === region)
      && (!type || deptById.get(d.departmentId)?.type === type));
    const years = distinct(shown.map((d) => d.year));
    const rows = distinct(shown.map((d) => d.departmentId)).map((id) => deptById.get(id)).filter(Boolean)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    clear(grid);
    if (rows.length === 0) { grid.append(h('p', { class: 'muted' }, '还没有已审核的文档。', canReview() ? '请先上传。' : '')); return; }
    grid.append(h('table', { class: 'grid', id: 'overview-grid' },
      h('thead', {}, h('tr', {}, h('th', {}, '部门'), years.map((y) => h('th', {}, `${y} 年`)))),
      h('tbody', {}, rows.map((dep) => h('tr', {},
        h('th', {}, h('a', { href: `#/dept/${dep.id}` }, dep.name), dep.region ? h('span', { class: 'muted small' }, ' ', dep.region) : null),
        years.map((y) => h('td', {}, shown.filter((d) => d.departmentId === dep.id && d.year === y)
          .sort((a, b) => (a.kind || '').localeCompare(b.kind || '') || b.version - a.version).map(docChip))))))));
  }
  filters.addEventListener('change', draw);
  draw();

  const pending = docs.filter((d) => d.status !== 'ready');
  const toReview = docs.filter((d) => d.status === 'ready' && openCounts(d).e + openCounts(d).w > 0);
  waiting.append(pending.length + toReview.length === 0 ? h('p', { class: 'muted' }, '没有待处理的文档。') :
    h('ul', { class: 'plain' },
      pending.map((d) => h('li', {}, h('a', { href: `#/doc/${d.id}` }, d.name), ' ', h('span', { class: 'tag' }, STATUS[d.status] || d.status), d.statusDetail ? h('div', { class: 'muted small' }, d.statusDetail) : null)),
      toReview.slice(0, 15).map((d) => h('li', {}, docChip(d), ' ', h('a', { href: `#/doc/${d.id}` }, `${d.department || ''} ${d.year || ''} ${d.kind || ''}`)))));
  const latest = [...docs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, 10);
  recent.append(latest.length === 0 ? h('p', { class: 'muted' }, '暂无。') : h('table', { class: 'list' },
    h('tbody', {}, latest.map((d) => h('tr', {},
      h('td', {}, h('a', { href: `#/doc/${d.id}` }, d.name)),
      h('td', {}, STATUS[d.status] || d.status),
      h('td', { class: 'muted small' }, when(d.createdAt)))))));
}
