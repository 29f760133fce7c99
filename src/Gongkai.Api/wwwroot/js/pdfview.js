// A page of the original PDF rendered with pdf.js (bundled), with the boxes of a finding drawn over it.
import * as pdfjs from '/lib/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/lib/pdfjs/pdf.worker.min.mjs';

const cache = new Map();

export function openPdf(url) {
  if (!cache.has(url)) {
    cache.set(url, pdfjs.getDocument({
      url,
      cMapUrl: '/lib/pdfjs/cmaps/', // Chinese PDFs with non-embedded fonts need the CMaps
      cMapPacked: true,
      standardFontDataUrl: '/lib/pdfjs/standard_fonts/',
      wasmUrl: '/lib/pdfjs/wasm/',
      isEvalSupported: false,
    }).promise);
  }
  return cache.get(url);
}

/**
 * Renders page `pageNo` into `host` at its width and draws `boxes` ([{box:[left,bottom,right,top], primary}]
 * in PDF points, origin bottom-left, as the reader stores them) converted by the page's viewport.
 */
export async function renderPage(host, pdf, pageNo, boxes) {
  const page = await pdf.getPage(pageNo);
  const base = page.getViewport({ scale: 1 });
  const width = Math.max(320, host.clientWidth - 4);
  const scale = width / base.width;
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  const wrap = document.createElement('div');
  wrap.className = 'pdf-page';
  wrap.style.width = `${viewport.width}px`;
  wrap.style.height = `${viewport.height}px`;
  wrap.dataset.page = String(pageNo);
  wrap.dataset.scale = String(scale);
  wrap.dataset.viewBox = page.view.join(','); // [x0, y0, x1, y1] of the page in PDF points
  wrap.append(canvas);
  host.replaceChildren(wrap);
  await page.render({ canvasContext: canvas.getContext('2d'), viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null }).promise;
  let first = null;
  for (const b of boxes) {
    const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(b.box);
    const el = document.createElement('div');
    el.className = b.primary ? 'box primary' : 'box';
    el.dataset.role = 'finding-box';
    el.dataset.pdfBox = b.box.join(',');
    el.style.left = `${Math.min(x1, x2) - 2}px`;
    el.style.top = `${Math.min(y1, y2) - 2}px`;
    el.style.width = `${Math.abs(x2 - x1) + 4}px`;
    el.style.height = `${Math.abs(y2 - y1) + 4}px`;
    wrap.append(el);
    if (b.primary || !first) first = first && !b.primary ? first : el;
  }
  wrap.dataset.rendered = 'true';
  if (first) { // scroll the source panel only, not the window (the finding's details stay in view)
    host.scrollTop = Math.max(0, first.offsetTop - host.clientHeight / 3);
    host.scrollLeft = Math.max(0, first.offsetLeft - host.clientWidth / 2);
  }
  return wrap;
}
