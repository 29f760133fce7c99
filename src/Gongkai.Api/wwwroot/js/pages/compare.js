// Compare a department with its peers (filled in with the analysis endpoints).
import { h } from '../dom.js';

export async function render(main) {
  main.append(h('h1', {}, '同类对比'), h('p', { class: 'muted' }, '对比功能需要分析接口。'));
}
