import type { BlobImpl } from '../core/blob';
import type { EmulatorContext } from '../core/context';
import { Emulated, makeEnum } from '../core/context';
import {
  MIME,
  canEdit,
  convertFile,
  effectiveUser,
  findFile,
  hasAccess,
  registerContentHandler,
  registerFile,
} from '../core/files';
import { renderDocx } from '../export/docx';
import { renderPdf } from '../export/pdf';
import type { DocSession } from './docs/elements';
import {
  BodyImpl,
  GLYPH_TYPES,
  HEADINGS,
  HORIZONTAL_ALIGNMENTS,
  SectionImpl,
  VERTICAL_ALIGNMENTS,
  beginEdit,
  docRecord,
} from './docs/elements';
import type { DocContent } from './docs/model';
import { clone, elementText, newContent, newParagraph, newSection } from './docs/model';
import { savedContent } from './docs/store';

export type { DocumentState } from './docs/store';
export { createDocumentState } from './docs/store';

const MISSING = "Document is missing (perhaps it was deleted, or you don't have read access?)";

const ATTRIBUTES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
] as const;

const ELEMENT_TYPES = [
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'RICH_LINK',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
] as const;

/** Saves a handle's pending edits (Drive then sees them) and closes it. */
function saveAndClose(ctx: EmulatorContext, s: DocSession): void {
  const record = docRecord(ctx, s.docId);
  if (record.savedContent) {
    record.savedContent = null;
    const file = findFile(ctx, s.docId);
    if (file) file.updatedAt = ctx.clock.now();
  }
  s.closed = true;
}

class DocumentImpl extends Emulated {
  constructor(
    ctx: EmulatorContext,
    public _s: DocSession,
  ) {
    super(ctx, 'Document');
  }

  _content(): DocContent {
    return docRecord(this._ctx, this._s.docId).content;
  }

  _file() {
    const file = findFile(this._ctx, this._s.docId);
    if (!file) throw this._ctx.fail(MISSING);
    return file;
  }

  _section(which: 'header' | 'footer', create: boolean): SectionImpl | null {
    let section = this._content()[which];
    if (!section && create) {
      // "Adds a header section, if none exists" (documented).
      section = newSection(which === 'header' ? 'HEADER_SECTION' : 'FOOTER_SECTION');
      beginEdit(this._ctx, this._s).content[which] = section;
    }
    return section ? new SectionImpl(this._ctx, this._s, section) : null;
  }

  getId(): string {
    return this._s.docId;
  }
  getName(): string {
    return this._file().name;
  }
  setName(name: string): this {
    beginEdit(this._ctx, this._s);
    this._file().name = String(name);
    return this;
  }
  getUrl(): string {
    return `https://docs.google.com/open?id=${this._s.docId}`;
  }
  getBody(): BodyImpl {
    return new BodyImpl(this._ctx, this._s, this._content().body);
  }
  getHeader(): SectionImpl | null {
    return this._section('header', false);
  }
  addHeader(): SectionImpl {
    return this._section('header', true)!;
  }
  getFooter(): SectionImpl | null {
    return this._section('footer', false);
  }
  addFooter(): SectionImpl {
    return this._section('footer', true)!;
  }
  saveAndClose(): void {
    // unverified: confirm on a real account (a second saveAndClose on the same handle).
    if (this._s.closed) throw this._ctx.fail('Document is closed, its contents cannot be updated.');
    saveAndClose(this._ctx, this._s);
  }
  /**
   * Exports what Drive has, i.e. the last saved version: call saveAndClose first, as on Google
   * (unverified whether Document.getAs flushes its own pending edits: the emulator is strict).
   */
  getAs(contentType: string): BlobImpl {
    return convertFile(this._ctx, this._file(), contentType);
  }
  getBlob(): BlobImpl {
    return convertFile(this._ctx, this._file(), MIME.pdf);
  }
}

class DocumentAppImpl extends Emulated {
  readonly Attribute;
  readonly ElementType;
  readonly GlyphType;
  readonly HorizontalAlignment;
  readonly ParagraphHeading;
  readonly VerticalAlignment;

  constructor(
    ctx: EmulatorContext,
    private readonly _open: (docId: string, editable: boolean) => DocumentImpl,
  ) {
    super(ctx, 'DocumentApp');
    this.Attribute = makeEnum(ctx, 'DocumentApp.Attribute', ATTRIBUTES);
    this.ElementType = makeEnum(ctx, 'DocumentApp.ElementType', ELEMENT_TYPES);
    this.GlyphType = makeEnum(ctx, 'DocumentApp.GlyphType', GLYPH_TYPES);
    this.HorizontalAlignment = makeEnum(ctx, 'DocumentApp.HorizontalAlignment', HORIZONTAL_ALIGNMENTS);
    this.ParagraphHeading = makeEnum(ctx, 'DocumentApp.ParagraphHeading', HEADINGS);
    this.VerticalAlignment = makeEnum(ctx, 'DocumentApp.VerticalAlignment', VERTICAL_ALIGNMENTS);
  }

  create(name: string): DocumentImpl {
    const file = registerFile(this._ctx, {
      name: String(name),
      mimeType: MIME.document,
      owner: effectiveUser(this._ctx),
      idPrefix: 'doc',
    });
    this._ctx.state.document.docs[file.id] = { content: newContent(), savedContent: null };
    return this._open(file.id, true);
  }

  openById(id: string): DocumentImpl {
    const file = findFile(this._ctx, String(id));
    const user = effectiveUser(this._ctx);
    if (!file || file.mimeType !== MIME.document || !hasAccess(this._ctx, file, user))
      throw this._ctx.fail(MISSING);
    return this._open(file.id, canEdit(this._ctx, file, user));
  }

  openByUrl(url: string): DocumentImpl {
    const match = /\/d\/([\w-]+)/.exec(String(url)) ?? /[?&]id=([\w-]+)/.exec(String(url));
    // unverified: confirm on a real account (the text for a URL with no document id).
    if (!match) throw this._ctx.fail('Invalid argument: url');
    return this.openById(match[1]!);
  }

  /** The script is bound to a spreadsheet, not a document: there is no active document. */
  getActiveDocument(): null {
    return null;
  }
}

export function installDocument(ctx: EmulatorContext) {
  const sessions: DocSession[] = [];
  const open = (docId: string, editable: boolean) => {
    const s: DocSession = {
      docId,
      closed: false,
      editable,
      executionId: ctx.runtime.current()?.id ?? null,
      apiWrites: ctx.state.document.docs[docId]?.apiWrites ?? 0,
    };
    sessions.push(s);
    return new DocumentImpl(ctx, s);
  };
  // "saveAndClose() is automatically invoked at the end of script execution for each open editable Document."
  ctx.runtime.onExecutionEnd((execution) => {
    for (const s of sessions) if (s.executionId === execution.id && !s.closed) saveAndClose(ctx, s);
    for (let i = sessions.length - 1; i >= 0; i -= 1) if (sessions[i]!.closed) sessions.splice(i, 1);
  });

  registerContentHandler(ctx, MIME.document, {
    copy(fromId, toId) {
      ctx.state.document.docs[toId] = { content: clone(savedContent(ctx, fromId)), savedContent: null };
    },
    convert(fileId, contentType) {
      if (contentType === 'text/markdown') throw ctx.fail('Not emulated: File.getAs(text/markdown)');
      if (contentType !== MIME.pdf) return null;
      return renderPdf(savedContent(ctx, fileId), findFile(ctx, fileId)?.name ?? fileId, ctx.clock.now());
    },
  });

  const DocumentApp = new DocumentAppImpl(ctx, open);

  const driver = {
    /** Ids of every document in the workspace. */
    ids(): string[] {
      return Object.keys(ctx.state.document.docs);
    },
    /** A person writes a document in the Docs editor (a template, say): saved at once. */
    create(
      name: string,
      options: { owner?: string; paragraphs?: string[]; parents?: string[] } = {},
    ): string {
      const file = registerFile(ctx, {
        name,
        mimeType: MIME.document,
        owner: options.owner ?? ctx.state.owner,
        parents: options.parents,
        idPrefix: 'doc',
      });
      const content = newContent();
      if (options.paragraphs?.length)
        content.body.children = options.paragraphs.map((t) => newParagraph('PARAGRAPH', t));
      ctx.state.document.docs[file.id] = { content, savedContent: null };
      return file.id;
    },
    /** The body's text as scripts see it now (pending edits included). */
    text(docId: string): string {
      return elementText(docRecord(ctx, docId).content.body);
    },
    /** The body's text as Drive has it (the last saved version). */
    savedText(docId: string): string {
      return elementText(savedContent(ctx, docId).body);
    },
    /** A copy of the content (pending edits included), for detailed assertions. */
    content(docId: string): DocContent {
      return clone(docRecord(ctx, docId).content);
    },
    hasPendingEdits(docId: string): boolean {
      return docRecord(ctx, docId).savedContent !== null;
    },
    pdf(docId: string): Buffer {
      return renderPdf(savedContent(ctx, docId), findFile(ctx, docId)?.name ?? docId, ctx.clock.now());
    },
    docx(docId: string): Promise<Buffer> {
      return renderDocx(savedContent(ctx, docId), findFile(ctx, docId)?.name ?? docId);
    },
  };

  return { globals: { DocumentApp }, driver };
}
