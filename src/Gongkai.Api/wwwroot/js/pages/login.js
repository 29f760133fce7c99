import { h } from '../dom.js';
import { signIn, user } from '../api.js';

export function render(main) {
  if (user()) { location.hash = '#/'; return; }
  const name = h('input', { id: 'login-name', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error-text', role: 'alert' });
  const form = h('form', { class: 'card login', onsubmit: async (ev) => {
    ev.preventDefault();
    message.textContent = '';
    try {
      await signIn(name.value, password.value);
      location.hash = '#/';
    } catch (e) {
      message.textContent = `${e.title}：${e.detail}`;
    }
  } },
  h('h1', {}, '登录'),
  h('p', { class: 'muted' }, '部门预算、决算公开文档的审核与对比。'),
  h('label', { for: 'login-name' }, '用户名'), name,
  h('label', { for: 'login-password' }, '密码'), password,
  h('button', { type: 'submit', class: 'primary' }, '登录'),
  message,
  h('p', { class: 'muted small' }, '还没有密码？请管理员在服务器上运行 gongkai user add 用户名 --role reviewer 生成。'));
  main.append(form);
  name.focus();
}
