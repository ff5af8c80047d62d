/** The demo's index.html: links to what the demo produced and a preview of the latest report. Every text is escaped. */
export interface DemoMenu {
  name: string;
  items: Array<{ caption: string; functionName: string } | null>;
}

export interface DemoLink {
  href: string;
  label: string;
}

export interface DemoReport {
  name: string;
  docx: string;
  pdf: string | null;
}

export interface DemoEmail {
  /** When it was sent, as people read it ("11/04/2026 07:41"). */
  sent: string;
  to: string[];
  subject: string;
  eml: string;
}

export interface DemoIndex {
  title: string;
  /** Short facts about the run, one line each. */
  facts: string[];
  files: DemoLink[];
  reports: DemoReport[];
  /** Why there is no PDF next to the reports, if there is none. */
  pdfNote: string | null;
  emails: DemoEmail[];
  /** The latest report, as Drive saved it. */
  preview: { name: string; text: string } | null;
  tabs: string[];
  menus: DemoMenu[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A link to a file of the output folder: each path segment percent-encoded, then escaped. */
function link(href: string, label: string): string {
  const url = href.split('/').map(encodeURIComponent).join('/');
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

const list = (items: string[]): string => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

function reportsSection(index: DemoIndex): string {
  const items = index.reports.map(
    (r) => `${escapeHtml(r.name)}: ${link(r.docx, '.docx')}${r.pdf ? `, ${link(r.pdf, '.pdf')}` : ''}`,
  );
  const note = index.pdfNote ? `<p>Không có bản .pdf: ${escapeHtml(index.pdfNote)}.</p>` : '';
  return `<h2>Báo cáo (${index.reports.length})</h2>\n${list(items)}${note}`;
}

function emailsSection(emails: DemoEmail[]): string {
  const rows = emails.map(
    (e) =>
      `<tr><td>${escapeHtml(e.sent)}</td><td>${escapeHtml(e.to.join(', '))}</td><td>${link(e.eml, e.subject)}</td></tr>`,
  );
  return `<h2>Thư đã gửi (${emails.length})</h2>
<table><tr><th>Gửi lúc</th><th>Người nhận</th><th>Tiêu đề</th></tr>
${rows.join('\n')}
</table>`;
}

function previewSection(preview: DemoIndex['preview']): string {
  if (!preview) return '';
  return `<h2>Xem trước báo cáo mới nhất: ${escapeHtml(preview.name)}</h2>
<div class="preview">${escapeHtml(preview.text)}</div>`;
}

function menusSection(menus: DemoMenu[]): string {
  return menus
    .map(
      (m) =>
        `<h2>Menu «${escapeHtml(m.name)}»</h2>${list(m.items.map((i) => (i ? escapeHtml(i.caption) : '<hr>')))}`,
    )
    .join('\n');
}

const STYLE = [
  'body{font-family:"Times New Roman",serif;max-width:60rem;margin:2rem auto;line-height:1.5}',
  'table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}',
  '.preview{white-space:pre-wrap;border:1px solid #bbb;padding:1rem 2rem;max-height:40rem;overflow:auto}',
].join('\n');

export function renderIndex(index: DemoIndex): string {
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>${escapeHtml(index.title)} – bản chạy thử</title>
<style>
${STYLE}
</style></head>
<body>
<h1>${escapeHtml(index.title)}</h1>
${list(index.facts.map(escapeHtml))}
${reportsSection(index)}
${previewSection(index.preview)}
<h2>Bảng tính và số liệu</h2>
${list(index.files.map((f) => link(f.href, f.label)))}
${emailsSection(index.emails)}
<h2>Các trang tính</h2>
${list(index.tabs.map(escapeHtml))}
${menusSection(index.menus)}
</body>
</html>
`;
}
