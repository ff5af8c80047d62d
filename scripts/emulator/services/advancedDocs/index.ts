/**
 * The Advanced Docs service (the Docs API v1 from Apps Script,
 * https://developers.google.com/apps-script/advanced/docs). It exists only where the manifest enables
 * it (`dependencies.enabledAdvancedServices`: `{ "userSymbol": "Docs", "serviceId": "docs", "version":
 * "v1" }`, https://developers.google.com/apps-script/manifest/dependencies), under its userSymbol;
 * otherwise the product's `Docs` is a ReferenceError, as on Google. `Docs.Documents.get`,
 * `batchUpdate` and `create` are in documents.ts; anything else is `Not emulated`.
 */
import type { EmulatorContext } from '../../core/context';
import { Emulated } from '../../core/context';
import { DocumentsCollection } from './documents';

class DocsServiceImpl extends Emulated {
  readonly Documents: DocumentsCollection;

  constructor(ctx: EmulatorContext) {
    super(ctx, 'Docs');
    this.Documents = new DocumentsCollection(ctx);
  }
}

/** The userSymbol the manifest gives the Docs API v1, or null when it is not enabled. */
export function docsUserSymbol(manifest: Record<string, unknown>): string | null {
  const dependencies = manifest.dependencies as { enabledAdvancedServices?: unknown } | undefined;
  const services = Array.isArray(dependencies?.enabledAdvancedServices)
    ? (dependencies.enabledAdvancedServices as Array<Record<string, unknown>>)
    : [];
  const docs = services.find((s) => s.serviceId === 'docs');
  if (!docs) return null;
  if (docs.version !== 'v1' || typeof docs.userSymbol !== 'string' || docs.userSymbol === '')
    throw new Error('Emulator: only the Docs API v1 with a userSymbol is emulated');
  return docs.userSymbol;
}

export function installAdvancedDocs(ctx: EmulatorContext): {
  globals: Record<string, unknown>;
  driver: Record<string, never>;
} {
  const symbol = docsUserSymbol(ctx.project.manifest);
  return { globals: symbol ? { [symbol]: new DocsServiceImpl(ctx) } : {}, driver: {} };
}
