// A department: its documents by year and kind, and its series (charts come with the analysis endpoints).
import { h, clear, fmt } from '../dom.js';
import { api } from '../api.js';
import { docChip } from './overview.js';

export async function render(main, args) {
  const id = Number(args[0]);
  const [depts, docs, series] = await Promise.all([api('GET', '/api/v1/departments'), api('GET', `/api/v1/documents?department=${id}`),
    api('GET', `/api/v1/departments/${id}/series`)]);
  const dep = depts.find((d) => d.id === id);
  main.append(h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, dep ? dep.name : `部门 ${id}`),
    h('p', { class: 'muted small' }, [dep?.region, dep?.level, dep?.type].filter(Boolean).join(' · '), dep?.aliases?.length > 1 ? ` · 曾用名：${dep.aliases.join('、')}` : '')),
  h('a', { class: 'button', href: `#/compare?department=${id}` }, '与同类部门对比')));
  const years = [...new Set(docs.map((d) => d.year))].filter(Boolean).sort();
  main.append(h('section', { class: 'card' }, h('h2', {}, '文档'), h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, years.map((y) => h('th', {}, `${y} 年`)))),
    h('tbody', {}, h('tr', {}, years.map((y) => h('td', {}, docs.filter((d) => d.year === y).map(docChip))))))));
  const points = series.points || [];
  if (points.length) {
    const labels = [...new Set(points.flatMap((p) => p.figures.map((f) => f.label)))];
    main.append(h('section', { class: 'card' }, h('h2', {}, '收支总表（万元）'), h('div', { class: 'scroll' }, h('table', { class: 'list num' },
      h('thead', {}, h('tr', {}, h('th', {}, '项目'), points.map((p) => h('th', {}, `${p.year} ${p.kind}`)))),
      h('tbody', {}, labels.map((l) => h('tr', {}, h('td', {}, l), points.map((p) => h('td', {}, fmt(p.figures.find((f) => f.label === l)?.value))))))))));
  }
}
