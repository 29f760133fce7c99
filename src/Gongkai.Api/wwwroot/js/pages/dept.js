// A department: documents by year and kind, series charts (ECharts) per group of measures, YoY table,
// budget vs final with 执行率, downloads.
import { h, append, clear, fmt, signed, SEVERITY, when } from '../dom.js';
import { api } from '../api.js';
import { docChip } from './overview.js';
import { chart, downloadPng } from '../charts.js';

const GROUPS = ['收支总量', '资金来源', '支出性质', '“三公”经费', '机关运行经费', '功能分类'];

export async function render(main, args) {
  const id = Number(args[0]);
  const [depts, docs, series, cross] = await Promise.all([api('GET', '/api/v1/departments'), api('GET', `/api/v1/documents?department=${id}`),
    api('GET', `/api/v1/departments/${id}/series`), api('GET', `/api/v1/departments/${id}/cross-findings`)]);
  const dep = depts.find((d) => d.id === id);
  const charts = [];
  append(main, [h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, dep ? dep.name : `部门 ${id}`),
    h('p', { class: 'muted small' }, [dep?.region, dep?.level, dep?.type].filter(Boolean).join(' · '), dep?.aliases?.length > 1 ? ` 历年名称：${dep.aliases.join('、')}` : '')),
  h('div', { class: 'exports' }, h('a', { class: 'button primary', href: `#/compare?department=${id}` }, '与同类部门对比'),
    '历年指标：', h('a', { class: 'button', href: `/api/v1/departments/${id}/series?format=csv`, download: '' }, 'CSV'),
    h('a', { class: 'button', href: `/api/v1/departments/${id}/series?format=xlsx`, download: '' }, 'XLSX')))]);

  const years = [...new Set(docs.map((d) => d.year))].filter(Boolean).sort();
  main.append(h('section', { class: 'card' }, h('h2', {}, '文档'), h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, years.map((y) => h('th', {}, `${y} 年`)))),
    h('tbody', {}, h('tr', {}, years.map((y) => h('td', {}, docs.filter((d) => d.year === y).map(docChip))))))));

  main.append(crossSection(cross));

  const lines = series.measures || [];
  if (lines.length === 0) {
    main.append(h('p', { class: 'muted' }, '还没有可用于序列的已审核文档。'));
    return;
  }
  const allYears = [...new Set(lines.flatMap((l) => l.values.map((v) => v.year)))].sort();
  const groups = [...new Set(lines.map((l) => l.group))].sort((a, b) => idx(a) - idx(b));
  const grid = h('div', { class: 'chart-grid' });
  main.append(h('h2', {}, '历年序列（万元）'), grid);
  for (const g of groups) {
    const ls = lines.filter((l) => l.group === g).slice(0, 12);
    const el = h('div', { class: 'chart', dataset: { group: g } });
    const c = () => charts.find((x) => x.el === el)?.c;
    grid.append(h('section', { class: 'card' }, h('div', { class: 'page-head' }, h('h2', {}, g),
      h('button', { type: 'button', onclick: () => downloadPng(c(), `${series.name}-${g}.png`) }, '下载 PNG')), el));
    const ch = chart(el);
    charts.push({ el, c: ch });
    ch.setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0, left: 0, right: 0 },
      grid: { left: 70, right: 20, top: 64, bottom: 30 },
      xAxis: { type: 'category', data: allYears.map(String) },
      yAxis: { type: 'value', name: '万元' },
      series: ls.map((l) => ({
        name: `${l.label}（${l.kind}）`, type: allYears.length > 1 ? 'line' : 'bar', symbolSize: 8,
        lineStyle: l.kind === '决算' ? { type: 'dashed' } : undefined,
        data: allYears.map((y) => l.values.find((v) => v.year === y)?.value ?? null),
      })),
    });
  }

  // YoY table
  main.append(h('section', { class: 'card' }, h('h2', {}, '比上年增减'), h('div', { class: 'scroll' }, h('table', { class: 'list num', id: 'yoy' },
    h('thead', {}, h('tr', {}, h('th', {}, '指标'), h('th', {}, '类型'), allYears.map((y) => h('th', {}, `${y}`)))),
    h('tbody', {}, lines.map((l) => h('tr', {}, h('td', {}, l.label), h('td', {}, l.kind), allYears.map((y) => {
      const v = l.values.find((x) => x.year === y);
      return h('td', {}, v ? fmt(v.value) : '—', v && v.change != null ? h('div', { class: 'small muted' }, `${signed(v.change)}${v.changePercent != null ? `（${signed(v.changePercent)}%）` : ''}`) : null);
    }))))))));

  // budget vs final per year
  const finals = [...new Set(docs.filter((d) => d.kind === '决算' && d.status === 'ready').map((d) => d.year))].sort();
  for (const y of finals) {
    const e = await api('GET', `/api/v1/departments/${id}/execution?year=${y}`);
    main.append(h('section', { class: 'card' }, h('div', { class: 'page-head' }, h('h2', {}, `${y} 年预算执行（决算 ÷ 预算）`),
      h('a', { class: 'button', href: `/api/v1/departments/${id}/execution?year=${y}&format=csv`, download: '' }, 'CSV')),
    h('p', { class: 'small muted' }, e.budgetBasis || '', e.message ? ` ${e.message}` : ''),
    h('div', { class: 'scroll' }, h('table', { class: 'list num' },
      h('thead', {}, h('tr', {}, ['项目', '预算数', '决算数', '差额', '执行率'].map((t) => h('th', {}, t)))),
      h('tbody', {}, e.lines.filter((l) => l.level !== '项').map((l) => h('tr', {},
        h('td', {}, l.code ? `${l.code} ${l.label}` : l.label), h('td', {}, fmt(l.budget)), h('td', {}, fmt(l.final)),
        h('td', {}, signed(l.difference)), h('td', { class: l.rate != null && Math.abs(l.rate - 100) > 20 ? 'error-text' : '' }, l.rate != null ? `${fmt(l.rate)}%` : '—'))))))));
  }
  return () => charts.forEach((x) => x.c.dispose2());
}

// The cross-document findings (决算 vs 预算, this year vs last year): each with the documents it compares.
function crossSection(cross) {
  const open = cross.filter((c) => !c.finding.dismissal).length;
  const docLabel = (d) => `${d.year ?? ''} 年${d.kind ?? ''}`;
  return h('section', { class: 'card', id: 'cross-findings' },
    h('h2', {}, '跨文档检查', h('span', { class: 'muted small' }, `（${cross.length} 条，未忽略 ${open} 条；决算与预算、本年与上年文档之间）`)),
    cross.length === 0 ? h('p', { class: 'muted' }, '没有跨文档问题（或本部门只有一份文档，无可比较）。') :
      h('div', { class: 'scroll' }, h('table', { class: 'list', id: 'cross-table' },
        h('thead', {}, h('tr', {}, ['文档', '级别', '规则', '问题', '涉及文档', '状态'].map((t) => h('th', {}, t)))),
        h('tbody', {}, cross.map((c) => h('tr', { class: c.finding.dismissal ? 'dismissed' : '', dataset: { rule: c.finding.rule, doc: c.documentId } },
          h('td', {}, h('a', { href: `#/doc/${c.documentId}?f=${encodeURIComponent(c.finding.id)}` }, docLabel(c))),
          h('td', {}, h('span', { class: `sev ${c.finding.severity}` }, SEVERITY[c.finding.severity] || c.finding.severity)),
          h('td', {}, h('a', { href: `#/rules?q=${c.finding.rule}` }, c.finding.rule)),
          h('td', { class: 'msg' }, c.finding.message),
          h('td', {}, c.documents.map((d, i) => [i ? '、' : '', h('a', { href: `#/doc/${d.id}`, title: d.name, class: 'related-doc' }, docLabel(d))])),
          h('td', { class: 'small' }, c.finding.dismissal ? `已忽略：${c.finding.dismissal.reason}（${c.finding.dismissal.by}，${when(c.finding.dismissal.at)}）` : '待审核')))))));
}

function idx(g) { const i = GROUPS.indexOf(g); return i < 0 ? 99 : i; }
