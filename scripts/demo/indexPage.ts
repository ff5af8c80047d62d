/** The demo's index.html: links to what the demo produced. Every text is escaped. */
export interface DemoMenu {
  name: string;
  items: Array<{ caption: string; functionName: string } | null>;
}

export interface DemoIndex {
  title: string;
  files: Array<{ href: string; label: string }>;
  tabs: string[];
  menus: DemoMenu[];
  /** Short facts about the run, one line each. */
  facts: string[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderIndex(index: DemoIndex): string {
  const list = (items: string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>${escapeHtml(index.title)} – bản chạy thử</title>
<style>body{font-family:"Times New Roman",serif;max-width:50rem;margin:2rem auto;line-height:1.5}</style></head>
<body>
<h1>${escapeHtml(index.title)}</h1>
${list(index.facts.map(escapeHtml))}
<h2>Tệp kết quả</h2>
${list(index.files.map((f) => `<a href="${escapeHtml(f.href)}">${escapeHtml(f.label)}</a>`))}
<h2>Các trang tính</h2>
${list(index.tabs.map(escapeHtml))}
${index.menus
  .map(
    (m) =>
      `<h2>Menu «${escapeHtml(m.name)}»</h2>${list(
        m.items.map((i) => (i ? escapeHtml(i.caption) : '<hr>')),
      )}`,
  )
  .join('\n')}
</body>
</html>
`;
}
