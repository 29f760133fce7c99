// Upload many files at once (drag and drop or pick), each with its live job status.
import { h, clear } from '../dom.js';
import { api, canReview } from '../api.js';

const JOB = { queued: '排队中', running: '处理中', done: '完成', failed: '失败' };

export function render(main) {
  if (!canReview()) { main.append(h('div', { class: 'error-box' }, '查看者不能上传文档。')); return; }
  let stopped = false;
  const input = h('input', { type: 'file', id: 'upload-input', multiple: true, accept: '.pdf,.docx,.doc,.wps,.xlsx,.xls,.et,.html,.htm,.txt,.md' });
  const dept = h('input', { id: 'up-dept', placeholder: '部门名称（文档未写明时）' });
  const year = h('input', { id: 'up-year', type: 'number', min: 1990, max: 2100, placeholder: '年度' });
  const kind = h('select', { id: 'up-kind' }, h('option', { value: '' }, '预算/决算（文档未写明时）'), h('option', {}, '预算'), h('option', {}, '决算'));
  const list = h('tbody', { id: 'upload-list' });
  const drop = h('div', { class: 'drop', id: 'drop', tabindex: 0 },
    h('p', {}, '把 PDF、Word（docx、doc、wps）、Excel（xlsx、xls、et）、HTML 或文本文件拖到这里，可一次多个'),
    h('p', {}, '或 ', h('label', { class: 'button', for: 'upload-input' }, '选择文件')), input);
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); start([...e.dataTransfer.files]); });
  input.addEventListener('change', () => { start([...input.files]); input.value = ''; });
  main.append(h('h1', {}, '上传文档'), drop,
    h('details', { class: 'card' }, h('summary', {}, '补充信息（仅当文档没有写明部门、年度或类型时使用）'), h('div', { class: 'filters' }, dept, year, kind)),
    h('table', { class: 'list uploads' }, h('thead', {}, h('tr', {}, h('th', {}, '文件'), h('th', {}, '状态'), h('th', {}, '结果'))), list));

  function start(files) {
    for (const f of files) upload(f);
  }

  async function upload(file) {
    const status = h('td', { class: 'status' }, '上传中…');
    const result = h('td', {});
    const row = h('tr', { dataset: { file: file.name } }, h('td', {}, file.name), status, result);
    list.prepend(row);
    const form = new FormData();
    form.append('file', file, file.name);
    if (dept.value.trim()) form.append('department', dept.value.trim());
    if (year.value) form.append('year', year.value);
    if (kind.value) form.append('kind', kind.value);
    let accepted;
    try {
      accepted = await api('POST', '/api/v1/documents', form);
    } catch (e) {
      status.textContent = '失败';
      row.classList.add('failed');
      result.append(h('span', { class: 'error-text' }, `${file.name}：${e.title}。${e.detail}`));
      return;
    }
    row.dataset.doc = accepted.documentId;
    while (!stopped) {
      let job = null;
      if (accepted.jobId != null) job = await api('GET', `/api/v1/jobs/${accepted.jobId}`);
      status.textContent = job ? JOB[job.status] || job.status : '完成';
      if (!job || job.status === 'done' || job.status === 'failed') {
        row.dataset.state = job ? job.status : 'done';
        const d = await api('GET', `/api/v1/documents/${accepted.documentId}`);
        clear(result);
        if (job && job.status === 'failed') result.append(h('span', { class: 'error-text' }, `${file.name}：处理失败（${job.error || '未知错误'}）。请把文件和时间反馈给管理员。`));
        else if (d.status === 'ready') result.append(h('a', { href: `#/doc/${d.id}`, class: (d.errors ? 'chip err' : d.warnings ? 'chip warn' : 'chip ok') },
          `${d.department} ${d.year} 年${d.kind}：错误 ${d.errors ?? 0}，警告 ${d.warnings ?? 0}，提示 ${d.infos ?? 0}`), accepted.isNew ? '' : h('span', { class: 'muted small' }, '（同一文件已在库中）'));
        else result.append(h('span', { class: 'error-text' }, `${file.name}：${d.status === 'needs-details' ? '待补充信息' : '无法读取'}。${d.statusDetail || ''}`));
        break;
      }
      await new Promise((r) => setTimeout(r, 800));
    }
  }
  return () => { stopped = true; };
}
