// The JSON API with the browser session: the antiforgery token goes with every state-changing request.
let csrf = null;
let me = null;

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title || `HTTP ${status}`;
    this.detail = detail || '';
  }
}

export function user() { return me; }
export function canReview() { return me && (me.role === 'reviewer' || me.role === 'admin'); }
export function isAdmin() { return me && me.role === 'admin'; }

export async function loadSession() {
  const r = await fetch('/api/v1/session', { credentials: 'same-origin', cache: 'no-store' });
  const j = await r.json();
  csrf = j.csrf;
  me = j.user;
  return me;
}

async function problem(r) {
  let title = `HTTP ${r.status}`, detail = '';
  try {
    const j = await r.json();
    title = j.title || title;
    detail = j.detail || '';
  } catch { /* not JSON */ }
  return new ApiError(r.status, title, detail);
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-TOKEN'] = csrf;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await fetch(path, init);
  if (r.status === 401 && !path.startsWith('/api/v1/session')) {
    me = null;
    location.hash = '#/login';
    throw await problem(r);
  }
  if (!r.ok) throw await problem(r);
  if (r.status === 204) return null;
  const type = r.headers.get('Content-Type') || '';
  return type.includes('json') ? r.json() : r.blob();
}

export async function signIn(name, password) {
  await api('POST', '/api/v1/session', { name, password });
  return loadSession(); // a new antiforgery token for the signed-in user
}

export async function signOut() {
  await api('DELETE', '/api/v1/session');
  return loadSession();
}

let rulesCache = null;
export async function rules() {
  if (!rulesCache) rulesCache = api('GET', '/api/v1/rules').then((list) => new Map(list.map((r) => [r.id, r])));
  return rulesCache;
}
