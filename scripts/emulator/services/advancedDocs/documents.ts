/**
 * `Docs.Documents.get`, `batchUpdate` and `create` (Docs API v1), on the documents DocumentApp edits
 * (services/docs/model.ts): a style set here is what DocumentApp's getters report, and what the
 * exports (export/docx.ts, export/pdf.ts) draw.
 *
 * Sources: https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/batchUpdate
 * ("Each request is validated before being applied. If any request is not valid, then the entire
 * request will fail and nothing will be applied … Other requests … may change indexes … requests
 * are applied in the order they are specified"; replies: "The reply of the updates. This maps 1:1
 * with the updates, although replies to some requests may be empty"), …/documents/get,
 * …/documents/create ("Creates a blank document using the title given in the request. Other fields
 * in the request, including any provided content, are ignored").
 */
import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { MIME, effectiveUser, findFile, registerFile } from '../../core/files';
import { REQUEST_UNITS } from '../advancedSheets/spreadsheets';
import { clone, newContent } from '../docs/model';
import { apiFail, openForCall } from './access';
import { documentJson } from './layout';
import type { Json } from './requestKit';
import { DocView, Invalid, InvalidValue } from './requestKit';
import { REQUESTS } from './requests';

/** Seen for the Sheets API in real runs (Google's shared text; unverified for Docs). */
const NO_REQUESTS = 'Must specify at least one request.';

/** Whether an error is one of the emulator's Apps Script exceptions (ctx.fail), to be reported in place. */
function isServiceError(error: unknown): error is Error {
  return (error as { name?: unknown })?.name === 'Exception';
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export class DocumentsCollection extends Emulated {
  constructor(ctx: EmulatorContext) {
    super(ctx, 'Docs.Documents');
  }

  get(documentId: unknown, optionalArgs?: Json): Json {
    const ctx = this._ctx;
    for (const key of Object.keys(optionalArgs ?? {}))
      throw ctx.fail(`Not emulated: Docs.Documents.get optionalArgs.${key}`);
    const { id, record } = openForCall(ctx, 'get', documentId, false);
    const doc = documentJson(ctx, id, findFile(ctx, id)!.name, record.content);
    ctx.noteCells(doc.body.content.length);
    return doc;
  }

  batchUpdate(resource: Json, documentId: unknown): Json {
    const ctx = this._ctx;
    const { id, record } = openForCall(ctx, 'batchUpdate', documentId, true);
    for (const key of Object.keys(resource ?? {}))
      if (key !== 'requests') throw ctx.fail(`Not emulated: Docs.Documents.batchUpdate resource.${key}`);
    const requests: unknown = resource?.requests;
    if (!Array.isArray(requests) || requests.length === 0) throw apiFail(ctx, 'batchUpdate', NO_REQUESTS);
    // All or nothing: the requests run in order on a copy, which replaces the document only if all pass.
    const view = new DocView(ctx, clone(record.content));
    const replies: Json[] = [];
    requests.forEach((request: Json, i: number) => {
      const kinds = Object.keys(request ?? {});
      // unverified: the text for a request with no kind or several (a oneof in the API).
      if (kinds.length !== 1)
        throw apiFail(ctx, 'batchUpdate', `Invalid requests[${i}]: a request must set exactly one kind`);
      const kind = kinds[0]!;
      const handler = REQUESTS[kind];
      if (!handler) throw ctx.fail(`Not emulated: Docs.Documents.batchUpdate ${kind}`);
      try {
        replies.push(handler(ctx, view, request[kind]) ?? {});
      } catch (error) {
        if (error instanceof InvalidValue) {
          const value = typeof error.value === 'string' ? `"${error.value}"` : JSON.stringify(error.value);
          throw apiFail(
            ctx,
            'batchUpdate',
            `Invalid value at 'requests[${i}].${snake(kind)}.${error.path}' (TYPE_ENUM), ${value}`,
          );
        }
        const text = error instanceof Invalid || isServiceError(error) ? error.message : null;
        if (text === null) throw error;
        if (text.startsWith('Not emulated')) throw ctx.fail(text);
        throw apiFail(ctx, 'batchUpdate', `Invalid requests[${i}].${kind}: ${text}`);
      }
    });
    record.content = view.content;
    record.apiWrites = (record.apiWrites ?? 0) + 1;
    findFile(ctx, id)!.updatedAt = ctx.clock.now();
    ctx.noteCells(requests.length * REQUEST_UNITS);
    return { documentId: id, replies };
  }

  create(resource?: Json): Json {
    const ctx = this._ctx;
    const title = resource?.title;
    if (title !== undefined && typeof title !== 'string')
      throw apiFail(
        ctx,
        'create',
        `Invalid value at 'document.title' (TYPE_STRING), ${JSON.stringify(title)}`,
      ); // unverified
    const file = registerFile(ctx, {
      // unverified: the name Docs gives a document created without a title.
      name: title || 'Untitled document',
      mimeType: MIME.document,
      owner: effectiveUser(ctx),
      idPrefix: 'doc',
    });
    ctx.state.document.docs[file.id] = { content: newContent(), savedContent: null };
    return documentJson(ctx, file.id, file.name, ctx.state.document.docs[file.id]!.content);
  }
}
