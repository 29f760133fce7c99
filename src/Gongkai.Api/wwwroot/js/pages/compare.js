// Compare one measure across the peers of a year and kind: bar chart with the median line, this department
// highlighted, the table beside it; PNG, CSV and XLSX downloads.
import { h, clear, fmt, signed } from '../dom.js';
import { api } from '../api.js';
import { chart, downloadPng } from '../charts.js';

export async function render(main, args, query) {
  const [measures, depts, docs] = await Promise.all([api('GET', '/api/v1/compare/measures'), api('GET', '/api/v1/departments'), api('GET', '/api/v1/documents')]);
  const ready = docs.filter((d) => d.status === 'ready' && d.year);
  const years = [...new Set(ready.map((d) => d.year))].sort().reverse();
  const deptSel = h('select', { id: 'cmp-department' }, h('option', { value: '' }, '（不突出显示）'),
    [...depts].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((d) => h('option', { value: d.id }, d.name)));
  const yearSel = h('select', { id: 'cmp-year' }, years.map((y) => h('option', { value: y }, `${y} 年`)));
  const kindSel = h('select', { id: 'cmp-kind' }, h('option', {}, '预算'), h('option', {}, '决算'));
  const measureSel = h('select', { id: 'cmp-measure' }, [...new Set(measures.map((m) => m.group))].map((g) =>
    h('optgroup', { label: g }, measures.filter((m) => m.group === g).map((m) => h('option', { value: m.key }, m.label)))));
  const typeIn = h('input', { id: 'cmp-type', placeholder: '同类：如 医疗保障局、行政（空 = 按所选部门的机构类别）' });
  const chartEl = h('div', { class: 'chart tall', id: 'cmp-chart' });
  const side = h('div', { id: 'cmp-table' });
  const info = h('p', { class: 'muted small', id: 'cmp-info' });
  const links = h('span', { class: 'exports' });
  let c = null;

  // defaults: the department given in the link, its latest ready document's year and kind
  const wanted = query.get('department');
  if (wanted) {
    deptSel.value = wanted;
    const own = ready.filter((d) => String(d.departmentId) === wanted).sort((a, b) => b.year - a.year)[0];
    if (own) { yearSel.value = String(own.year); kindSel.value = own.kind; }
  }
  if (query.get('year')) yearSel.value = query.get('year');
  if (query.get('kind')) kindSel.value = query.get('kind');
  measureSel.value = query.get('measure') || 'expenditure_total';

  main.append(h('h1', {}, '同类对比'),
    h('form', { class: 'filters card', onsubmit: (e) => { e.preventDefault(); draw(); } }, yearSel, kindSel, measureSel, deptSel, typeIn,
      h('button', { type: 'submit', class: 'primary' }, '对比')),
    info,
    h('div', { class: 'compare' }, h('section', { class: 'card' }, h('div', { class: 'page-head' }, h('h2', {}, '同类部门'), links), chartEl), h('section', { class: 'card' }, side)));

  for (const el of [yearSel, kindSel, measureSel, deptSel]) el.addEventListener('change', draw);

  async function draw() {
    const p = new URLSearchParams({ year: yearSel.value, kind: kindSel.value, measure: measureSel.value });
    if (deptSel.value) p.set('department', deptSel.value);
    if (typeIn.value.trim()) p.set('type', typeIn.value.trim());
    history.replaceState(null, '', `#/compare?${p}`);
    let r;
    try {
      r = await api('GET', `/api/v1/compare?${p}`);
    } catch (e) {
      info.textContent = `${e.title}：${e.detail}`;
      return;
    }
    info.textContent = `${r.year} 年${r.kind} · ${r.label} · ${r.group ? `同类：${r.group}（${r.groupBasis}）` : r.groupBasis} · ${r.count} 个部门` +
      (r.median != null ? ` · 中位数 ${fmt(r.median)} 万元` : '') + (r.message ? ` · ${r.message}` : '');
    clear(links).append(
      h('button', { type: 'button', id: 'cmp-png', onclick: () => c && downloadPng(c, `同类对比-${r.year}-${r.kind}-${r.label}.png`) }, 'PNG'),
      h('a', { class: 'button', href: `/api/v1/compare?${p}&format=csv`, download: '' }, 'CSV'),
      h('a', { class: 'button', href: `/api/v1/compare?${p}&format=xlsx`, download: '' }, 'XLSX'));
    clear(side).append(h('table', { class: 'list num', id: 'cmp-rows' },
      h('thead', {}, h('tr', {}, ['排名', '部门', '万元', '与中位数'].map((t) => h('th', {}, t)))),
      h('tbody', {}, r.peers.map((x) => h('tr', { class: x.highlight ? 'me' : '', dataset: { department: x.departmentId } },
        h('td', {}, x.rank), h('td', {}, h('a', { href: `#/doc/${x.documentId}` }, x.name)), h('td', {}, fmt(x.value)),
        h('td', {}, r.median != null ? signed(Number((x.value - r.median).toFixed(2))) : '—'))))));
    if (!c) c = chart(chartEl);
    // drawn only when ECharts has finished rendering (its animation included), so a PNG or a look at the canvas sees the bars
    delete chartEl.dataset.drawn;
    c.off('finished');
    c.on('finished', () => { chartEl.dataset.drawn = 'true'; });
    c.clear();
    const peers = r.peers;
    c.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 70, right: 110, top: 40, bottom: 90 },
      xAxis: { type: 'category', data: peers.map((x) => x.name), axisLabel: { interval: 0, rotate: peers.length > 4 ? 30 : 0, width: 120, overflow: 'break' } },
      yAxis: { type: 'value', name: '万元' },
      series: [{
        type: 'bar', name: r.label, barMaxWidth: 60,
        data: peers.map((x) => ({ value: x.value, itemStyle: { color: x.highlight ? '#d9480f' : '#4c7bd9' } })),
        label: { show: true, position: 'top', formatter: (v) => fmt(v.value) },
        markLine: r.median != null ? { symbol: 'none', label: { formatter: `中位数 ${fmt(r.median)}` }, lineStyle: { color: '#333', type: 'dashed' }, data: [{ yAxis: r.median }] } : undefined,
      }],
    });
    chartEl.dataset.bars = String(peers.length);
  }
  if (years.length) await draw();
  else info.textContent = '还没有已审核的文档。';
  return () => c && c.dispose2();
}
