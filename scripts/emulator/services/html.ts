import vm from 'node:vm';
import { BlobImpl, blobOf } from '../core/blob';
import type { EmulatorContext } from '../core/context';
import { Emulated, makeEnum } from '../core/context';
import { parameterMismatch } from '../core/errors';
import { renderPdf } from '../export/pdf';
import type { DocContent, ParagraphNode } from './docs/model';
import { newContent, newParagraph } from './docs/model';

const SANDBOX_MODES = ['EMULATED', 'IFRAME', 'NATIVE'] as const;
const X_FRAME_OPTIONS = ['ALLOWALL', 'DEFAULT'] as const;
/** The only meta tags HtmlOutput.addMetaTag accepts (documented). */
const META_TAGS = [
  'apple-mobile-web-app-capable',
  'apple-mobile-web-app-status-bar-style',
  'apple-mobile-web-app-title',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
];

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** A scriptlet value as printed: null and undefined print nothing (unverified: confirm on a real account). */
function printable(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Text of HTML, one paragraph per block element: enough for a readable PDF (no CSS, no layout). */
function htmlToContent(html: string): DocContent {
  const content = newContent();
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
  const blocks = html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .split(/<\/?(?:p|div|br|h[1-6]|li|tr|table|ul|ol|section|header|footer)\b[^>]*>/i);
  const paragraphs: ParagraphNode[] = [];
  for (const block of blocks) {
    const text = block
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => entities[e]!)
      .replace(/\s+/g, ' ')
      .trim();
    if (text) paragraphs.push(newParagraph('PARAGRAPH', text));
  }
  if (paragraphs.length) content.body.children = paragraphs;
  return content;
}

class HtmlOutputImpl extends Emulated {
  _content: string;
  _title = ''; // unverified: confirm on a real account (the title before setTitle).
  _width: number | null = null;
  _height: number | null = null;

  constructor(ctx: EmulatorContext, content: string) {
    super(ctx, 'HtmlOutput');
    this._content = content;
  }

  /** What the compiled template calls: plain text, and `<?= ?>` values (HTML-escaped). */
  _appendRaw(text: unknown): void {
    this._content += printable(text);
  }
  _appendEscaped(value: unknown): void {
    this._content += escapeHtml(printable(value));
  }

  getContent(): string {
    return this._content;
  }
  setContent(content: string): this {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this._content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this._content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): this {
    this._title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this._width;
  }
  setWidth(width: number): this {
    this._width = Number(width);
    return this;
  }
  getHeight(): number | null {
    return this._height;
  }
  setHeight(height: number): this {
    this._height = Number(height);
    return this;
  }
  /** Every mode is IFRAME nowadays: the call only checks its argument (documented). */
  setSandboxMode(mode: unknown): this {
    if (!SANDBOX_MODES.includes(mode as (typeof SANDBOX_MODES)[number])) {
      throw parameterMismatch(this._ctx, 'HtmlService.HtmlOutput.setSandboxMode', [mode]);
    }
    return this;
  }
  setXFrameOptionsMode(mode: unknown): this {
    if (!X_FRAME_OPTIONS.includes(mode as (typeof X_FRAME_OPTIONS)[number])) {
      throw parameterMismatch(this._ctx, 'HtmlService.HtmlOutput.setXFrameOptionsMode', [mode]);
    }
    return this;
  }
  addMetaTag(name: string, content: string): this {
    // unverified: confirm on a real account (the text for a meta tag name Google refuses).
    if (!META_TAGS.includes(String(name))) throw this._ctx.fail(`Invalid argument: name`);
    void content;
    return this;
  }
  getBlob(): BlobImpl {
    return new BlobImpl(this._ctx, Buffer.from(this._content, 'utf8'), 'text/html', this._title || null);
  }
  /** A PDF of the page's text (no CSS: the emulator has no browser engine). */
  getAs(contentType: string): BlobImpl {
    if (contentType !== 'application/pdf') {
      throw this._ctx.fail(`Converting from text/html to ${contentType} is not supported.`);
    }
    const name = `${this._title || 'Untitled'}.pdf`;
    return new BlobImpl(
      this._ctx,
      renderPdf(htmlToContent(this._content), name, this._ctx.clock.now()),
      contentType,
      name,
    );
  }
}

/** Turns a template into JS: text is copied, `<?= ?>` escaped, `<?!= ?>` raw, `<? ?>` run as code. */
function compileTemplate(source: string): string {
  let code = '';
  let last = 0;
  for (const m of source.matchAll(/<\?(!?=)?([\s\S]*?)\?>/g)) {
    const text = source.slice(last, m.index);
    if (text) code += `output._appendRaw(${JSON.stringify(text)});\n`;
    const body = m[2]!;
    const expr = body.trim().replace(/;$/, '');
    if (m[1] === '=') code += `output._appendEscaped(${expr});\n`;
    else if (m[1] === '!=') code += `output._appendRaw(${expr});\n`;
    else code += `${body}\n`;
    last = m.index + m[0].length;
  }
  const tail = source.slice(last);
  if (tail) code += `output._appendRaw(${JSON.stringify(tail)});\n`;
  return code;
}

class HtmlTemplateImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    public _source: string,
  ) {
    super(ctx, 'HtmlTemplate');
  }

  /** Properties the script assigned (template.data = …), which the scriptlets see as variables. */
  _data(): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const key of Object.keys(this)) if (!key.startsWith('_')) data[key] = Reflect.get(this, key);
    return data;
  }

  getCode(): string {
    return compileTemplate(this._source);
  }
  getRawContent(): string {
    return this._source;
  }
  /** Runs in the product's realm, so scriptlets see its globals (include(), services). */
  evaluate(): HtmlOutputImpl {
    const output = new HtmlOutputImpl(this._ctx, '');
    const fn = vm.runInContext(
      `(function (output, __data) { with (__data) {\n${compileTemplate(this._source)}} })`,
      this._ctx.runtime.sandbox,
    ) as (output: HtmlOutputImpl, data: Record<string, unknown>) => void;
    fn(output, this._data());
    return output;
  }
}

class HtmlServiceImpl extends Emulated {
  readonly SandboxMode;
  readonly XFrameOptionsMode;

  constructor(ctx: EmulatorContext) {
    super(ctx, 'HtmlService');
    this.SandboxMode = makeEnum(ctx, 'HtmlService.SandboxMode', SANDBOX_MODES);
    this.XFrameOptionsMode = makeEnum(ctx, 'HtmlService.XFrameOptionsMode', X_FRAME_OPTIONS);
  }

  /** HTML given as a string or a BlobSource. */
  _html(value: unknown, method: string): string {
    if (value === undefined) return '';
    if (typeof value === 'string') return value;
    const blob = blobOf(value);
    if (blob) return blob.getDataAsString();
    throw parameterMismatch(this._ctx, `HtmlService.${method}`, [value]);
  }

  /** A project file by name; "Index.html" finds "Index" too (unverified: confirm on a real account). */
  _file(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const content = this._ctx.project.html[name];
    if (content === undefined) throw this._ctx.fail(`No HTML file named ${name} was found.`);
    return content;
  }

  createHtmlOutput(html?: unknown): HtmlOutputImpl {
    return new HtmlOutputImpl(this._ctx, this._html(html, 'createHtmlOutput'));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutputImpl {
    return new HtmlOutputImpl(this._ctx, this._file(filename));
  }
  createTemplate(html: unknown): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._ctx, this._html(html, 'createTemplate'));
  }
  createTemplateFromFile(filename: string): HtmlTemplateImpl {
    return new HtmlTemplateImpl(this._ctx, this._file(filename));
  }
}

export function installHtml(ctx: EmulatorContext) {
  const HtmlService = new HtmlServiceImpl(ctx);
  const driver = {
    /** Adds or replaces an HTML file of the project (tests; the bundle's come from dist/). */
    setFile(name: string, content: string): void {
      ctx.project.html[name] = content;
    },
    fileNames(): string[] {
      return Object.keys(ctx.project.html);
    },
  };
  return { globals: { HtmlService }, driver };
}
