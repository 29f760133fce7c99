// The rule catalogue, searchable.
import { h, clear, SEVERITY } from '../dom.js';
import { rules } from '../api.js';

export async function render(main, args, query) {
  const all = [...(await rules()).values()];
  const q = h('input', { id: 'rule-search', type: 'search', placeholder: '搜索编号、标题、公式或说明', value: query.get('q') || '' });
  const sev = h('select', { id: 'rule-severity' }, h('option', { value: '' }, '全部级别'), Object.entries(SEVERITY).map(([k, v]) => h('option', { value: k }, v)));
  const body = h('tbody');
  const count = h('span', { class: 'muted small' });
  main.append(h('h1', {}, '规则目录'), h('div', { class: 'filters' }, q, sev, count),
    h('table', { class: 'list rules', id: 'rules' }, h('thead', {}, h('tr', {}, ['编号', '级别', '标题与公式', '说明与示例'].map((t) => h('th', {}, t)))), body));
  function draw() {
    const text = q.value.trim().toLowerCase();
    const shown = all.filter((r) => (!sev.value || r.severity === sev.value)
      && (!text || [r.id, r.title, r.formula, r.rationale, r.example].some((x) => (x || '').toLowerCase().includes(text))));
    count.textContent = `${shown.length} / ${all.length} 条`;
    clear(body).append(...shown.map((r) => h('tr', { id: `rule-${r.id}` },
      h('td', {}, h('b', {}, r.id)),
      h('td', {}, h('span', { class: `sev ${r.severity}` }, SEVERITY[r.severity] || r.severity)),
      h('td', {}, h('div', {}, r.title), h('code', { class: 'small' }, r.formula)),
      h('td', { class: 'small' }, r.rationale || '', r.example ? h('div', { class: 'muted' }, '示例：', r.example) : null))));
  }
  q.addEventListener('input', draw);
  sev.addEventListener('change', draw);
  draw();
}
