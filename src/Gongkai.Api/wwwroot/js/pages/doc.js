// Review one document: the findings (filter, search, j/k) beside the source page with the finding's boxes.
import { h, append, clear, SEVERITY, fmt, signed, when, download } from '../dom.js';
import { api, canReview, rules } from '../api.js';

const REASONS = ['原文如此，数字无误（尾差或口径不同）', '读取有误（表格或数字没有读对）', '规则不适用于本文档', '已与编制单位核实'];
const TABLES = {}; // filled from the findings' table kinds

export async function render(main, args, query) {
  const id = Number(args[0]);
  const [doc, findings, catalogue] = await Promise.all([
    api('GET', `/api/v1/documents/${id}`), api('GET', `/api/v1/documents/${id}/findings`), rules()]);
  const isPdf = /\.pdf$/i.test(doc.name) || findings.some((f) => (f.locations || []).some((l) => l.box)); // only the PDF reader gives boxes
  let pdfPromise = null;
  const state = { selected: null, showDismissed: false };

  const title = `${doc.department || doc.name}${doc.year ? ` ${doc.year} 年` : ''}${doc.kind || ''}`;
  const sev = h('select', { id: 'flt-severity' }, h('option', { value: '' }, '全部级别'), Object.entries(SEVERITY).map(([k, v]) => h('option', { value: k }, v)));
  const ruleSel = h('select', { id: 'flt-rule' }, h('option', { value: '' }, '全部规则'),
    [...new Set(findings.map((f) => f.rule))].sort().map((r) => h('option', { value: r }, `${r} ${catalogue.get(r)?.title || ''}`)));
  const tableSel = h('select', { id: 'flt-table' }, h('option', { value: '' }, '全部表格'),
    [...new Set(findings.map((f) => f.table).filter(Boolean))].sort().map((t) => h('option', { value: t }, tableName(t, findings))));
  const search = h('input', { id: 'flt-search', type: 'search', placeholder: '搜索问题文字' });
  const showDismissed = h('input', { id: 'flt-dismissed', type: 'checkbox' });
  const listEl = h('ol', { class: 'findings', id: 'findings' });
  const counts = h('span', { class: 'muted small', id: 'finding-count' });
  const detail = h('div', { class: 'detail', id: 'detail' });
  const source = h('div', { class: 'source', id: 'source' }, h('p', { class: 'muted' }, '选择左侧的一个问题，查看它在原文中的位置。'));
  const pager = h('div', { class: 'pager', id: 'pager' });

  const exportJson = () => download(`审核结果-${doc.id}.json`, new Blob([JSON.stringify({ document: doc, findings }, null, 2)], { type: 'application/json' }));
  append(main, [
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, title), h('p', { class: 'muted small' }, doc.name, ' · ', `第 ${doc.version} 版`, ' · ', when(doc.createdAt),
        doc.departmentId ? [' · ', h('a', { href: `#/dept/${doc.departmentId}` }, '部门页')] : null)),
      h('div', { class: 'exports' }, '导出：',
        h('a', { class: 'button', href: `/api/v1/documents/${id}/report.html`, download: '' }, 'HTML 报告'),
        h('a', { class: 'button', href: `/api/v1/documents/${id}/report.xlsx`, download: '' }, 'XLSX'),
        h('button', { type: 'button', onclick: exportJson }, 'JSON'),
        isPdf ? h('a', { class: 'button', id: 'export-annotated', href: `/api/v1/documents/${id}/annotated.pdf`, download: '',
          title: '原始 PDF，每个问题的位置画成方框（红框为主要位置，橙框为相关位置，旁注规则编号；不含已忽略的问题）' }, '标注 PDF') : null,
        h('a', { class: 'button', href: `/api/v1/documents/${id}/file`, download: '' }, '原文件'))),
    doc.status !== 'ready' ? h('div', { class: 'error-box' }, doc.statusDetail || doc.status) : null,
    h('div', { class: 'review' },
      h('section', { class: 'left' },
        h('div', { class: 'filters compact' }, sev, ruleSel, tableSel, search, h('label', {}, showDismissed, ' 显示已忽略'), counts),
        h('p', { class: 'muted small' }, '按 j / k 上下移动。'),
        listEl),
      h('section', { class: 'right' }, detail, pager, source))]);

  function visible() {
    const q = search.value.trim();
    return findings.filter((f) => (!sev.value || f.severity === sev.value) && (!ruleSel.value || f.rule === ruleSel.value)
      && (!tableSel.value || f.table === tableSel.value) && (showDismissed.checked || !f.dismissal)
      && (!q || f.message.includes(q) || f.rule.includes(q.toUpperCase()) || (f.locations || []).some((l) => (l.text || '').includes(q))));
  }

  function drawList() {
    clear(listEl);
    const shown = visible();
    const dismissed = findings.filter((f) => f.dismissal).length;
    counts.textContent = `显示 ${shown.length} / ${findings.length} 条（已忽略 ${dismissed} 条）`;
    if (findings.length === 0) listEl.append(h('li', { class: 'muted' }, doc.status === 'ready' ? '未发现问题。' : '没有审核结果。'));
    for (const f of shown) {
      const li = h('li', { class: `finding ${f.severity}${f.dismissal ? ' dismissed' : ''}${state.selected === f ? ' selected' : ''}`, tabindex: 0,
        dataset: { id: f.id, rule: f.rule }, onclick: () => select(f) },
      h('span', { class: `sev ${f.severity}` }, SEVERITY[f.severity] || f.severity), ' ', h('b', {}, f.rule), ' ',
      h('span', { class: 'msg' }, f.message),
      f.dismissal ? h('div', { class: 'small muted' }, `已忽略：${f.dismissal.reason}（${f.dismissal.by}，${when(f.dismissal.at)}）`) : null,
      !f.dismissal && f.hint ? h('div', { class: 'small hint' }, f.hint) : null);
      listEl.append(li);
    }
  }

  async function select(f, scroll = true) {
    state.selected = f;
    for (const li of listEl.children) li.classList.toggle('selected', li.dataset.id === f.id);
    const li = [...listEl.children].find((x) => x.dataset.id === f.id);
    if (li && scroll) li.scrollIntoView({ block: 'nearest' });
    history.replaceState(null, '', `#/doc/${id}?f=${encodeURIComponent(f.id)}`);
    drawDetail(f);
    await drawSource(f);
  }

  function drawDetail(f) {
    const rule = catalogue.get(f.rule);
    append(clear(detail), [
      h('h2', {}, h('span', { class: `sev ${f.severity}` }, SEVERITY[f.severity]), ' ', h('a', { href: `#/rules?q=${f.rule}` }, f.rule), ' ', rule?.title || ''),
      rule ? h('p', { class: 'formula' }, '公式：', h('code', {}, rule.formula)) : null,
      h('p', { class: 'message' }, f.message),
      f.expected != null || f.found != null ? h('table', { class: 'efd' }, h('tbody', {}, h('tr', {},
        h('th', {}, '应为'), h('td', { id: 'd-expected' }, fmt(f.expected)),
        h('th', {}, '实为'), h('td', { id: 'd-found' }, fmt(f.found)),
        h('th', {}, '差额'), h('td', { id: 'd-diff' }, signed(f.difference)))))
        : null,
      f.isRounding ? h('p', { class: 'small muted' }, '属于尾差。') : null,
      f.suggestion ? h('p', { class: 'suggestion' }, '建议：', f.suggestion) : null,
      f.hint && !f.dismissal ? h('p', { class: 'hint' }, f.hint) : null,
      dismissBlock(f)]);
  }

  function dismissBlock(f) {
    if (f.dismissal) {
      return h('div', { class: 'dismissal', id: 'dismissal' },
        h('p', {}, h('b', {}, '已忽略'), `：${f.dismissal.reason}`), h('p', { class: 'small muted' }, `${f.dismissal.by} · ${when(f.dismissal.at)}`),
        canReview() ? h('button', { type: 'button', id: 'undo-dismiss', onclick: async () => {
          await api('DELETE', `/api/v1/documents/${id}/findings/${encodeURIComponent(f.id)}/dismissal`);
          f.dismissal = null;
          drawList(); drawDetail(f);
        } }, '撤销忽略') : null);
    }
    if (!canReview()) return null;
    const preset = h('select', { id: 'dismiss-preset' }, h('option', { value: '' }, '选择理由…'), REASONS.map((r) => h('option', { value: r }, r)));
    const text = h('input', { id: 'dismiss-text', placeholder: '补充说明（可选；不选理由时必填）' });
    const msg = h('span', { class: 'error-text' });
    return h('form', { class: 'dismiss', id: 'dismiss-form', onsubmit: async (ev) => {
      ev.preventDefault();
      const reason = [preset.value, text.value.trim()].filter(Boolean).join('：');
      if (!reason) { msg.textContent = '忽略必须写明理由。'; return; }
      try {
        f.dismissal = await api('PUT', `/api/v1/documents/${id}/findings/${encodeURIComponent(f.id)}/dismissal`, { reason });
        drawList(); drawDetail(f);
      } catch (e) { msg.textContent = `${e.title}：${e.detail}`; }
    } }, h('b', {}, '忽略此问题'), preset, text, h('button', { type: 'submit', id: 'dismiss-submit' }, '忽略'), msg);
  }

  async function drawSource(f) {
    const locs = (f.locations || []).filter((l) => l);
    clear(pager);
    document.getElementById('sentences')?.remove();
    if (locs.length === 0) { clear(source).append(h('p', { class: 'muted' }, '这个问题没有具体位置（针对整份文档）。')); return; }
    const paged = locs.filter((l) => l.page != null && l.box);
    if (isPdf && paged.length > 0) {
      const pages = [...new Set(paged.map((l) => l.page))];
      // the page panel takes the height left in the window, so the finding's details and its box are seen together
      source.style.maxHeight = `${Math.max(320, window.innerHeight - source.getBoundingClientRect().top - 12)}px`;
      const show = async (p) => {
        for (const b of pager.querySelectorAll('button')) b.classList.toggle('active', Number(b.dataset.page) === p);
        if (!pdfPromise) pdfPromise = import('../pdfview.js').then(async (m) => ({ m, pdf: await m.openPdf(`/api/v1/documents/${id}/file`) }));
        const { m, pdf } = await pdfPromise;
        if (state.selected !== f) return;
        await m.renderPage(source, pdf, p, paged.filter((l) => l.page === p).map((l) => ({ box: l.box, primary: l === paged[0] })));
      };
      append(pager, ['页码：', pages.map((p) => h('button', { type: 'button', dataset: { page: p }, onclick: () => show(p) }, `第 ${p} 页`)),
        h('span', { class: 'small muted' }, ' 红框为主要位置，橙框为相关位置。')]);
      const unboxed = locs.filter((l) => !l.box && l.text);
      if (unboxed.length) pager.after(h('ul', { class: 'plain sentences', id: 'sentences' }, unboxed.map((l) => h('li', {},
        h('span', { class: 'tag' }, l.page != null ? `第${l.page}页` : '原文'), ' ', l.text))));
      await show(paged[0].page);
      return;
    }
    await drawTextSource(f, locs);
  }

  let textLines = null;
  let sourceDoc = null; // the document as read (GET /source), for Word, Excel and HTML
  async function drawTextSource(f, locs) {
    clear(source);
    if (!/\.(txt|md|markdown|text|csv)$/i.test(doc.name)) {
      if (!sourceDoc) sourceDoc = api('GET', `/api/v1/documents/${id}/source`);
      const src = await sourceDoc;
      if (state.selected !== f) return;
      if (!['text', 'markdown'].includes(src.format)) { drawStructuredSource(src, locs); return; }
    }
    const lines = locs.filter((l) => l.line != null).map((l) => l.line);
    if (lines.length > 0) {
      if (!textLines) {
        const blob = await api('GET', `/api/v1/documents/${id}/file`);
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let text;
        try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { text = new TextDecoder('gb18030').decode(bytes); }
        textLines = text.split(/\r?\n/);
      }
      const from = Math.max(1, Math.min(...lines) - 6), to = Math.min(textLines.length, Math.max(...lines) + 6);
      const pre = h('div', { class: 'text-source', id: 'text-source' });
      for (let n = from; n <= to; n++) {
        pre.append(h('div', { class: lines.includes(n) ? (n === lines[0] ? 'line primary' : 'line hit') : 'line' },
          h('span', { class: 'ln' }, String(n)), h('span', {}, textLines[n - 1] ?? '')));
      }
      source.append(pre);
      const hit = source.querySelector('.line.primary');
      if (hit) source.scrollTop = Math.max(0, hit.offsetTop - source.clientHeight / 2);
    }
    source.append(locationTable(locs));
  }

  // Word / Excel / HTML: the tables holding the finding's cells, drawn from the reader's grid, the cells highlighted
  // (the primary location red, the others orange); a location without a table shows its paragraph with a few around it.
  function drawStructuredSource(src, locs) {
    const wrap = h('div', { class: 'structured-source', id: 'structured-source' });
    const tables = new Map(src.blocks.filter((b) => b.type === 'table').map((b) => [b.index, b]));
    const texts = src.blocks.filter((b) => b.type === 'text');
    const kindOf = (i) => (i === 0 ? 'primary' : 'hit');
    const shownTables = [...new Set(locs.filter((l) => l.table != null && tables.has(l.table)).map((l) => l.table))];
    for (const t of shownTables) {
      const block = tables.get(t);
      const marks = new Map(); // "row:column" or "row:" → primary|hit
      locs.forEach((l, i) => {
        if (l.table !== t || l.row == null) return;
        const key = `${l.row}:${l.column ?? ''}`;
        if (!marks.has(key) || kindOf(i) === 'primary') marks.set(key, kindOf(i));
      });
      const rowsWanted = [...marks.keys()].map((k) => Number(k.split(':')[0]));
      // a long table is cut to the rows around the marked ones (and its first rows, the header)
      const keep = (r) => block.rows.length <= 60 || r < 4 || rowsWanted.some((w) => Math.abs(w - r) <= 8);
      let skipped = false;
      const body = h('tbody', {});
      for (const row of block.rows) {
        if (!keep(row.row)) { if (!skipped) body.append(h('tr', { class: 'gap' }, h('td', { colspan: 99 }, '…'))); skipped = true; continue; }
        skipped = false;
        const rowMark = marks.get(`${row.row}:`);
        body.append(h('tr', { class: rowMark ? `row-${rowMark}` : '', dataset: { row: row.row } },
          h('th', { class: 'rn' }, String(row.row + 1)),
          row.cells.map((c) => {
            const m = marks.get(`${row.row}:${c.column}`);
            return h('td', { class: m ? `cell ${m}` : 'cell', dataset: { column: c.column } }, c.text);
          })));
      }
      wrap.append(h('div', { class: 'src-table-head small muted' }, `表${t + 1}`, block.page != null && src.format === 'xlsx' ? `（第${block.page}个工作表）` : ''),
        h('div', { class: 'src-table-wrap' }, h('table', { class: 'src-table', dataset: { table: t } }, body)));
    }
    // sentences (a narrative location: a line or paragraph, no table)
    locs.forEach((l, i) => {
      if (l.table != null && tables.has(l.table)) return;
      if (l.line == null) return;
      const at = texts.findIndex((b) => b.line === l.line && (l.page == null || b.page == null || b.page === l.page));
      if (at < 0) return;
      const around = h('div', { class: 'text-source' });
      for (let k = Math.max(0, at - 2); k <= Math.min(texts.length - 1, at + 2); k++) {
        around.append(h('div', { class: k === at ? `line ${kindOf(i)}` : 'line' }, h('span', {}, texts[k].text)));
      }
      wrap.append(around);
    });
    if (!wrap.children.length) wrap.append(h('p', { class: 'muted' }, '在读取结果中没有找到这个位置。'));
    if (src.truncated) wrap.append(h('p', { class: 'small muted' }, '表格过长，只给出了前面的部分。'));
    source.append(wrap, locationTable(locs));
    const hit = wrap.querySelector('td.cell.primary, tr.row-primary, .line.primary');
    if (hit) {
      const box = source.getBoundingClientRect(), r = hit.getBoundingClientRect();
      source.scrollTop += r.top - box.top - source.clientHeight / 3;
      const tw = hit.closest('.src-table-wrap');
      if (tw) tw.scrollLeft = Math.max(0, hit.offsetLeft - tw.clientWidth / 2);
    }
  }

  function locationTable(locs) {
    return h('table', { class: 'list locations' }, h('thead', {}, h('tr', {}, h('th', {}, '位置'), h('th', {}, '内容'))),
      h('tbody', {}, locs.map((l, i) => h('tr', { class: i === 0 ? 'primary' : '' },
        h('td', { class: 'small' }, [l.page != null ? `第${l.page}页` : '', l.line != null ? `第${l.line}行` : '',
          l.table != null ? `表${l.table + 1}` : '', l.row != null ? `第${l.row + 1}行` : '', l.column != null ? `第${l.column + 1}列` : ''].filter(Boolean).join(' ')),
        h('td', {}, l.text || '')))));
  }

  for (const el of [sev, ruleSel, tableSel, showDismissed]) el.addEventListener('change', drawList);
  search.addEventListener('input', drawList);
  const onKey = (e) => {
    if (e.target.closest('input, select, textarea')) return;
    if (e.key !== 'j' && e.key !== 'k') return;
    const shown = visible();
    if (shown.length === 0) return;
    const i = shown.indexOf(state.selected);
    const next = e.key === 'j' ? Math.min(shown.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
    select(shown[next]);
  };
  document.addEventListener('keydown', onKey);
  drawList();
  const wanted = query.get('f') && findings.find((f) => f.id === query.get('f'));
  if (wanted) {
    if (wanted.dismissal) { showDismissed.checked = true; drawList(); }
    select(wanted);
  }
  return () => document.removeEventListener('keydown', onKey);
}

function tableName(kind) {
  return TABLES[kind] || kind;
}
