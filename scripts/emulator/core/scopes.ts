/**
 * OAuth scopes: which scope each emulated Apps Script method needs, and the check every API call
 * passes (ctx.call). Sources: each method's reference page, block "Authorization" ("Scripts that use
 * this method require authorization with one or more of the following scopes"), and
 * https://developers.google.com/apps-script/concepts/scopes (explicit scopes, granular consent).
 *
 * A row is `verified` when its page's Authorization block (or its absence) was read for that class,
 * directly or in notes taken from the page; the other rows follow the service's documented rule for
 * its siblings and take the stricter reading (a scope is required) where one is plausible.
 */
import type { EmulatorContext } from './context';
import { effectiveUser } from './files';

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPES = {
  spreadsheets: `${AUTH}spreadsheets`,
  spreadsheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  documents: `${AUTH}documents`,
  documentsCurrentOnly: `${AUTH}documents.currentonly`,
  drive: `${AUTH}drive`,
  driveReadonly: `${AUTH}drive.readonly`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  containerUi: `${AUTH}script.container.ui`,
  userinfoEmail: `${AUTH}userinfo.email`,
} as const;

/** One requirement of a method: any one of these scopes suffices. */
export type ScopeChoice = readonly string[];

export interface ScopeRow {
  /** `Class.method`, as the call log records it. */
  method: string;
  /** Every requirement must be met (most methods have one; none: no authorization needed). */
  requires: readonly ScopeChoice[];
  /** The class's reference page. */
  url: string;
  verified: boolean;
}

const REF = 'https://developers.google.com/apps-script/reference/';
const S = SCOPES;
const SHEETS: ScopeChoice = [S.spreadsheetsCurrentOnly, S.spreadsheets];
const DOCS: ScopeChoice = [S.documentsCurrentOnly, S.documents];
const DRIVE_READ: ScopeChoice = [S.driveReadonly, S.drive];

function rows(
  className: string,
  page: string,
  verified: boolean,
  requires: readonly ScopeChoice[],
  methods: string,
): ScopeRow[] {
  return methods
    .trim()
    .split(/\s+/)
    .map((m) => ({ method: `${className}.${m}`, requires, url: REF + page, verified }));
}

// Document elements share their methods (Element, ContainerElement): one list for each shape.
const AS_ELEMENT =
  'asBody asFooterSection asHeaderSection asListItem asParagraph asTable asTableCell asTableRow asText ' +
  'editAsText findText getAttributes getParent getText getType replaceText setAttributes';
const CONTAINER =
  `${AS_ELEMENT} appendHorizontalRule appendListItem appendParagraph appendTable clear getChild ` +
  'getChildIndex getListItems getNumChildren getParagraphs getTables insertListItem insertParagraph ' +
  'insertTable removeChild setText';
const PARAGRAPH =
  `${AS_ELEMENT} appendText copy getAlignment getHeading getIndentEnd getIndentFirstLine getIndentStart ` +
  'getLineSpacing getLinkUrl getSpacingAfter getSpacingBefore removeFromParent setAlignment setHeading ' +
  'setIndentEnd setIndentFirstLine setIndentStart setLineSpacing setLinkUrl setSpacingAfter ' +
  'setSpacingBefore setText';
const DRIVE_ITEM_READ =
  'getAccess getDateCreated getDescription getEditors getId getLastUpdated getName getOwner getParents ' +
  'getSharingAccess getSharingPermission getUrl getViewers isTrashed';
const DRIVE_ITEM_WRITE =
  'addEditor addEditors addViewer addViewers moveTo removeEditor removeViewer setDescription setName ' +
  'setSharing setTrashed';
const NONE: readonly ScopeChoice[] = [];

const TABLE: readonly ScopeRow[] = [
  // The Advanced Sheets service: the Sheets API's own scopes, never currentonly (the REST reference
  // pages spreadsheets/batchUpdate and spreadsheets/get, "Authorization scopes"; drive.file and
  // spreadsheets.readonly, which the table does not model, are left out: the stricter reading).
  {
    method: 'Sheets.Spreadsheets.batchUpdate',
    requires: [[S.spreadsheets, S.drive]],
    url: 'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate',
    verified: false,
  },
  {
    method: 'Sheets.Spreadsheets.get',
    requires: [[S.spreadsheets, S.drive, S.driveReadonly]],
    url: 'https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get',
    verified: false,
  },
  // The Advanced Docs service: the Docs API's own scopes, never currentonly (the REST reference pages
  // documents/get, batchUpdate and create, "Authorization scopes"; drive.file and documents.readonly,
  // which the table does not model, are left out: the stricter reading).
  {
    method: 'Docs.Documents.get',
    requires: [[S.documents, S.drive, S.driveReadonly]],
    url: 'https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/get',
    verified: false,
  },
  {
    method: 'Docs.Documents.batchUpdate',
    requires: [[S.documents, S.drive]],
    url: 'https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/batchUpdate',
    verified: false,
  },
  {
    method: 'Docs.Documents.create',
    requires: [[S.documents, S.drive]],
    url: 'https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/create',
    verified: false,
  },
  // Spreadsheet service: "most methods" accept currentonly or spreadsheets; opening another
  // spreadsheet needs spreadsheets (the Range, Sheet, Spreadsheet and SpreadsheetApp pages).
  ...rows(
    'SpreadsheetApp',
    'spreadsheet/spreadsheet-app',
    true,
    [SHEETS],
    'flush getActive getActiveSheet getActiveSpreadsheet getUi newConditionalFormatRule newDataValidation',
  ),
  ...rows('SpreadsheetApp', 'spreadsheet/spreadsheet-app', true, [[S.spreadsheets]], 'openById'),
  ...rows(
    'Spreadsheet',
    'spreadsheet/spreadsheet',
    true,
    [SHEETS],
    'addEditor addEditors deleteSheet getActiveSheet getEditors getId getName getNamedRanges getNumSheets ' +
      'getOwner getProtections getRange getRangeByName getSheetById getSheetByName getSheets ' +
      'getSpreadsheetLocale getSpreadsheetTimeZone getUrl insertSheet removeNamedRange rename ' +
      'setActiveSheet setNamedRange setSpreadsheetLocale setSpreadsheetTimeZone toast',
  ),
  ...rows(
    'Sheet',
    'spreadsheet/sheet',
    true,
    [SHEETS],
    'activate appendRow clear clearConditionalFormatRules clearContents clearFormats deleteRows ' +
      'getColumnWidth getConditionalFormatRules getDataRange getFrozenColumns getFrozenRows getIndex ' +
      'getLastColumn getLastRow getMaxColumns getMaxRows getName getParent getProtections getRange ' +
      'getSheetId hideSheet insertColumnsAfter insertRows insertRowsAfter isSheetHidden protect ' +
      'setColumnWidth setColumnWidths setConditionalFormatRules setFrozenColumns setFrozenRows setName ' +
      'setTabColor showSheet getCharts insertChart newChart removeChart updateChart',
  ),
  // Embedded charts: the Spreadsheet service's rule for its classes (embedded-chart,
  // embedded-chart-builder, container-info pages; not read here: stricter reading, unverified).
  ...rows(
    'EmbeddedChartBuilder',
    'spreadsheet/embedded-chart-builder',
    false,
    [SHEETS],
    'addRange build clearRanges getChartType getRanges removeRange setChartType setNumHeaders setOption ' +
      'setPosition',
  ),
  ...rows(
    'EmbeddedChart',
    'spreadsheet/embedded-chart',
    false,
    [SHEETS],
    'getAs getBlob getChartId getContainerInfo getNumHeaders getOptions getRanges modify',
  ),
  ...rows('ChartOptions', 'spreadsheet/chart-options', false, [SHEETS], 'get'),
  ...rows(
    'ContainerInfo',
    'spreadsheet/container-info',
    false,
    [SHEETS],
    'getAnchorColumn getAnchorRow getOffsetX getOffsetY',
  ),
  ...rows(
    'Range',
    'spreadsheet/range',
    true,
    [SHEETS],
    'activate clear clearContent clearDataValidations clearFormat getA1Notation getBackground ' +
      'getBackgrounds getColumn getDataValidation getDataValidations getDisplayValue getDisplayValues ' +
      'getFontWeight getFontWeights getFormula getFormulas getLastColumn getLastRow getNote getNotes ' +
      'getNumColumns getNumRows getNumberFormat getNumberFormats getRow getSheet getValue getValues ' +
      'offset protect setBackground setBackgrounds setDataValidation setDataValidations setFontColor ' +
      'setFontStyle setFontWeight setFontWeights setHorizontalAlignment setNote setNotes ' +
      'setNumberFormat setNumberFormats setValue setValues setWrap',
  ),
  ...rows(
    'Protection',
    'spreadsheet/protection',
    false,
    [SHEETS],
    'addEditor addEditors canDomainEdit canEdit getDescription getEditors getProtectionType getRange ' +
      'getUnprotectedRanges isWarningOnly remove removeEditor removeEditors setDescription setDomainEdit ' +
      'setUnprotectedRanges setWarningOnly',
  ),
  ...rows(
    'NamedRange',
    'spreadsheet/named-range',
    false,
    [SHEETS],
    'getName getRange remove setName setRange',
  ),
  // Builders and built rules: the pages could not be read; the stricter reading requires the
  // spreadsheet scopes (unverified).
  ...rows(
    'DataValidation',
    'spreadsheet/data-validation',
    false,
    [SHEETS],
    'copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText',
  ),
  ...rows(
    'DataValidationBuilder',
    'spreadsheet/data-validation-builder',
    false,
    [SHEETS],
    'build copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText requireCheckbox requireDate ' +
      'requireNumberBetween requireNumberEqualTo requireNumberGreaterThan requireNumberGreaterThanOrEqualTo ' +
      'requireNumberLessThan requireNumberLessThanOrEqualTo requireNumberNotBetween requireNumberNotEqualTo ' +
      'requireTextIsEmail requireValueInList setAllowInvalid setHelpText withCriteria',
  ),
  ...rows(
    'ConditionalFormatRule',
    'spreadsheet/conditional-format-rule',
    false,
    [SHEETS],
    'copy getBooleanCondition getRanges',
  ),
  ...rows(
    'ConditionalFormatRuleBuilder',
    'spreadsheet/conditional-format-rule-builder',
    false,
    [SHEETS],
    'build copy getBooleanCondition getRanges setBackground setBold setFontColor setItalic setRanges ' +
      'whenCellEmpty whenCellNotEmpty whenNumberBetween whenNumberEqualTo whenNumberGreaterThan ' +
      'whenNumberGreaterThanOrEqualTo whenNumberLessThan whenNumberLessThanOrEqualTo whenTextContains ' +
      'whenTextEqualTo',
  ),
  // The page's methods carry no Authorization block.
  ...rows(
    'BooleanCondition',
    'spreadsheet/boolean-condition',
    true,
    NONE,
    'getBackground getBold getCriteriaType getCriteriaValues getFontColor getItalic',
  ),
  // Advanced Sheets service: the REST reference's "Authorization scopes" of each method
  // (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet, …/get,
  // …/batchUpdate: reads accept drive, drive.file, drive.readonly, spreadsheets or
  // spreadsheets.readonly; writes drive, drive.file or spreadsheets; drive.file and
  // spreadsheets.readonly are left out, the stricter reading, as this project requests neither).
  // Never currentonly: "The currentonly scope is only available within Apps Script Services"
  // (editor-scopes page). The service objects themselves are properties, not calls.
  ...rows(
    'Sheets.Spreadsheets.Values',
    'advanced/sheets',
    false,
    [[S.spreadsheets, S.drive, S.driveReadonly]],
    'batchGet get',
  ),
  ...rows('Sheets.Spreadsheets.Values', 'advanced/sheets', false, [[S.spreadsheets, S.drive]], 'batchUpdate'),
  // Ui, Menu, PromptResponse (base service): script.container.ui, the scope of container-bound UI.
  ...rows(
    'Ui',
    'base/ui',
    true,
    [[S.containerUi]],
    'alert createMenu prompt showModalDialog showModelessDialog showSidebar',
  ),
  ...rows('Menu', 'base/menu', false, [[S.containerUi]], 'addItem addSeparator addSubMenu addToUi'),
  ...rows(
    'PromptResponse',
    'base/prompt-response',
    false,
    [[S.containerUi]],
    'getResponseText getSelectedButton',
  ),
  // Session: the user's identity needs userinfo.email once scopes are explicit (Session page, and
  // public reports of scripts with explicit scopes failing at Session.getActiveUser).
  ...rows('Session', 'base/session', true, [[S.userinfoEmail]], 'getActiveUser getEffectiveUser'),
  ...rows(
    'Session',
    'base/session',
    true,
    NONE,
    'getActiveUserLocale getScriptTimeZone getTemporaryActiveUserKey',
  ),
  // User (base/user: no Authorization block). The call log cannot tell it from Drive's User
  // (drive/user), which also has getDomain; that page was not read (unverified).
  ...rows('User', 'base/user', true, NONE, 'getEmail'),
  ...rows('User', 'drive/user', false, NONE, 'getDomain'),
  ...rows('Logger', 'base/logger', true, NONE, 'clear getLog log'),
  ...rows('console', 'base/console', false, NONE, 'error info log warn'),
  ...rows(
    'Blob',
    'base/blob',
    false,
    NONE,
    'copyBlob getBlob getBytes getContentType getDataAsString getName isGoogleType setBytes ' +
      'setContentType setDataFromString setName',
  ),
  ...rows(
    'Utilities',
    'utilities/utilities',
    false,
    NONE,
    'base64Decode base64DecodeWebSafe base64Encode base64EncodeWebSafe computeDigest formatDate ' +
      'formatString getUuid newBlob parseCsv sleep',
  ),
  // Properties, Cache and Lock: their pages list no scopes.
  ...rows(
    'PropertiesService',
    'properties/properties-service',
    true,
    NONE,
    'getDocumentProperties getScriptProperties getUserProperties',
  ),
  ...rows(
    'Properties',
    'properties/properties',
    true,
    NONE,
    'deleteAllProperties deleteProperty getKeys getProperties getProperty setProperties setProperty',
  ),
  ...rows('CacheService', 'cache/cache-service', true, NONE, 'getDocumentCache getScriptCache getUserCache'),
  ...rows('Cache', 'cache/cache', true, NONE, 'get getAll put putAll remove removeAll'),
  ...rows('LockService', 'lock/lock-service', true, NONE, 'getDocumentLock getScriptLock getUserLock'),
  ...rows('Lock', 'lock/lock', true, NONE, 'hasLock releaseLock tryLock waitLock'),
  // HtmlService: no Authorization block (html-service page); HtmlOutput and HtmlTemplate likewise
  // (unverified).
  ...rows(
    'HtmlService',
    'html/html-service',
    true,
    NONE,
    'createHtmlOutput createHtmlOutputFromFile createTemplate createTemplateFromFile',
  ),
  ...rows(
    'HtmlOutput',
    'html/html-output',
    false,
    NONE,
    'addMetaTag append appendUntrusted clear getAs getBlob getContent getHeight getTitle getWidth ' +
      'setContent setHeight setSandboxMode setTitle setWidth setXFrameOptionsMode',
  ),
  ...rows('HtmlTemplate', 'html/html-template', false, NONE, 'evaluate getCode getRawContent'),
  // MailApp: script.send_mail (mail-app page).
  ...rows('MailApp', 'mail/mail-app', true, [[S.sendMail]], 'getRemainingDailyQuota sendEmail'),
  // ScriptApp triggers: script.scriptapp (script-app, trigger and trigger-builder pages);
  // forSpreadsheet also needs a spreadsheet scope (unverified which one: either is accepted here).
  ...rows(
    'ScriptApp',
    'script/script-app',
    true,
    [[S.scriptApp]],
    'deleteTrigger getProjectTriggers getUserTriggers newTrigger',
  ),
  // Granular consent (script-app page; concepts/scopes): no Authorization block (unverified).
  ...rows(
    'ScriptApp',
    'script/script-app',
    false,
    NONE,
    'getAuthorizationInfo requireAllScopes requireScopes',
  ),
  ...rows(
    'AuthorizationInfo',
    'script/authorization-info',
    false,
    NONE,
    'getAuthorizationStatus getAuthorizationUrl getAuthorizedScopes',
  ),
  ...rows(
    'Trigger',
    'script/trigger',
    true,
    [[S.scriptApp]],
    'getEventType getHandlerFunction getTriggerSource getTriggerSourceId getUniqueId',
  ),
  ...rows('TriggerBuilder', 'script/trigger-builder', true, [[S.scriptApp]], 'timeBased'),
  ...rows('TriggerBuilder', 'script/trigger-builder', false, [[S.scriptApp], SHEETS], 'forSpreadsheet'),
  ...rows(
    'ClockTriggerBuilder',
    'script/clock-trigger-builder',
    false,
    [[S.scriptApp]],
    'after at atDate atHour create everyDays everyHours everyMinutes everyWeeks inTimezone nearMinute ' +
      'onMonthDay onWeekDay',
  ),
  ...rows(
    'SpreadsheetTriggerBuilder',
    'script/spreadsheet-trigger-builder',
    false,
    [[S.scriptApp]],
    'create onChange onEdit onFormSubmit onOpen',
  ),
  // DriveApp: reads accept drive.readonly or drive; creating, copying and sharing need drive
  // (drive-app, file and folder pages). Iterators follow the reads (unverified).
  ...rows(
    'DriveApp',
    'drive/drive-app',
    true,
    [DRIVE_READ],
    'getFileById getFilesByName getFolderById getFoldersByName getRootFolder',
  ),
  ...rows('DriveApp', 'drive/drive-app', true, [[S.drive]], 'createFile createFolder'),
  ...rows('File', 'drive/file', true, [DRIVE_READ], `${DRIVE_ITEM_READ} getAs getBlob getMimeType getSize`),
  ...rows(
    'File',
    'drive/file',
    true,
    [[S.drive]],
    `${DRIVE_ITEM_WRITE} addCommenter addCommenters makeCopy removeCommenter`,
  ),
  ...rows(
    'Folder',
    'drive/folder',
    true,
    [DRIVE_READ],
    `${DRIVE_ITEM_READ} getFiles getFilesByName getFolders getFoldersByName`,
  ),
  ...rows('Folder', 'drive/folder', true, [[S.drive]], `${DRIVE_ITEM_WRITE} createFile createFolder`),
  ...rows('FileIterator', 'drive/file-iterator', false, [DRIVE_READ], 'hasNext next'),
  ...rows('FolderIterator', 'drive/folder-iterator', false, [DRIVE_READ], 'hasNext next'),
  // DocumentApp: documents.currentonly or documents; create and openById need documents
  // (document-app and document pages).
  // The element classes follow (unverified).
  ...rows('DocumentApp', 'document/document-app', true, [DOCS], 'getActiveDocument'),
  ...rows('DocumentApp', 'document/document-app', true, [[S.documents]], 'create openById openByUrl'),
  ...rows(
    'Document',
    'document/document',
    true,
    [DOCS],
    'addFooter addHeader getAs getBlob getBody getFooter getHeader getId getName getUrl saveAndClose setName',
  ),
  ...rows(
    'Body',
    'document/body',
    false,
    [DOCS],
    `${CONTAINER} appendPageBreak getMarginBottom getMarginLeft getMarginRight getMarginTop getPageHeight ` +
      'getPageWidth setMarginBottom setMarginLeft setMarginRight setMarginTop setPageHeight setPageWidth',
  ),
  ...rows('HeaderSection', 'document/header-section', false, [DOCS], CONTAINER),
  ...rows('FooterSection', 'document/footer-section', false, [DOCS], CONTAINER),
  ...rows(
    'TableCell',
    'document/table-cell',
    false,
    [DOCS],
    `${CONTAINER} copy getBackgroundColor getColSpan getPaddingBottom getPaddingLeft getPaddingRight ` +
      'getPaddingTop getParentRow getParentTable getRowSpan getVerticalAlignment getWidth removeFromParent ' +
      'setBackgroundColor setPaddingBottom setPaddingLeft setPaddingRight setPaddingTop ' +
      'setVerticalAlignment setWidth',
  ),
  ...rows('Paragraph', 'document/paragraph', false, [DOCS], PARAGRAPH),
  ...rows(
    'ListItem',
    'document/list-item',
    false,
    [DOCS],
    `${PARAGRAPH} getGlyphType getListId getNestingLevel setGlyphType setListId setNestingLevel`,
  ),
  ...rows(
    'Table',
    'document/table',
    false,
    [DOCS],
    `${AS_ELEMENT} appendTableRow copy getBorderColor getBorderWidth getCell getChild getColumnWidth ` +
      'getNumChildren getNumRows getRow insertTableRow removeFromParent removeRow setBorderColor ' +
      'setBorderWidth setColumnWidth',
  ),
  ...rows(
    'TableRow',
    'document/table-row',
    false,
    [DOCS],
    `${AS_ELEMENT} appendTableCell copy getCell getChild getMinimumHeight getNumCells getNumChildren ` +
      'getParentTable insertTableCell removeCell removeFromParent setMinimumHeight',
  ),
  ...rows(
    'Text',
    'document/text',
    false,
    [DOCS],
    `${AS_ELEMENT} appendText deleteText getBackgroundColor getFontFamily getFontSize getForegroundColor ` +
      'getLinkUrl getTextAttributeIndices insertText isBold isItalic isStrikethrough isUnderline ' +
      'setBackgroundColor setBold setFontFamily setFontSize setForegroundColor setItalic setLinkUrl ' +
      'setStrikethrough setText setUnderline',
  ),
  ...rows('PageBreak', 'document/page-break', false, [DOCS], 'getParent getType'),
  // Images: the Document service's rule (body, paragraph, inline-image pages; unverified here).
  ...rows('Body', 'document/body', false, [DOCS], 'appendImage insertImage'),
  ...rows('HeaderSection', 'document/header-section', false, [DOCS], 'appendImage insertImage'),
  ...rows('FooterSection', 'document/footer-section', false, [DOCS], 'appendImage insertImage'),
  ...rows('TableCell', 'document/table-cell', false, [DOCS], 'appendImage insertImage'),
  ...rows('Paragraph', 'document/paragraph', false, [DOCS], 'appendInlineImage'),
  ...rows('ListItem', 'document/list-item', false, [DOCS], 'appendInlineImage'),
  ...rows(
    'InlineImage',
    'document/inline-image',
    false,
    [DOCS],
    'getAs getBlob getHeight getParent getType getWidth setHeight setWidth',
  ),
  ...rows('HorizontalRule', 'document/horizontal-rule', false, [DOCS], 'getParent getType'),
  ...rows(
    'RangeElement',
    'document/range-element',
    false,
    [DOCS],
    'getElement getEndOffsetInclusive getStartOffset isPartial',
  ),
];

/** The table by method name. A method listed twice is a mistake in the table. */
export const SCOPE_TABLE: ReadonlyMap<string, ScopeRow> = (() => {
  const byName = new Map<string, ScopeRow>();
  for (const row of TABLE) {
    if (byName.has(row.method)) throw new Error(`Scope table: ${row.method} is listed twice`);
    byName.set(row.method, row);
  }
  return byName;
})();

/** Every scope some row can require: what Google's inference could add when no scope is explicit. */
export const ALL_SCOPES: readonly string[] = [...new Set(TABLE.flatMap((r) => r.requires.flat()))].sort();

/**
 * The scopes the project asks for: exactly the manifest's `oauthScopes` when it sets them. Explicit
 * scopes turn Google's detection off, so an enabled advanced service adds none of its own: its
 * scope must be listed (concepts/scopes, "Set explicit scopes"; the stricter reading where the page
 * does not name advanced services: unverified). null when the manifest sets none: Google then
 * infers the scopes from a scan of the code (guides/services/authorization), so every scope counts
 * as requested.
 */
export function requestedScopes(manifest: Record<string, unknown>): ReadonlySet<string> | null {
  const explicit = manifest.oauthScopes;
  if (!Array.isArray(explicit)) return null;
  return new Set(explicit.filter((s): s is string => typeof s === 'string'));
}

/** What the project requests, inferred scopes spelled out (every scope of the table). */
export function projectScopes(ctx: EmulatorContext): string[] {
  const requested = requestedScopes(ctx.project.manifest);
  return requested ? [...requested].sort() : [...ALL_SCOPES];
}

// ---------------------------------------------------------------------------------------------
// Granted scopes (granular consent)
// ---------------------------------------------------------------------------------------------

/**
 * What each person ticked on the consent screen, by email. A person without an entry granted
 * everything the project requests, which is what a person who ticks every box (or sees the old,
 * all-or-nothing screen) does.
 */
export interface ScopesState {
  granted: Record<string, string[]>;
  /** Authorization prompts shown by ScriptApp.requireScopes / requireAllScopes, oldest first. */
  prompts: AuthorizationPrompt[];
  /** Calls refused for a scope, oldest first: what the execution log shows, caught or not. */
  refused: RefusedCall[];
}

export interface RefusedCall {
  at: number;
  method: string;
  /** Whose authority the call ran with. */
  user: string;
  /** The entry point of the execution (onOpen, a menu's function, a trigger's handler), if any. */
  functionName: string | null;
  /** The requirement not met: any one of these scopes would have done. */
  scopes: string[];
}

export interface AuthorizationPrompt {
  at: number;
  user: string;
  /** The entry point of the execution that asked (a menu's function, onOpen …), if any. */
  functionName: string | null;
  /** The scopes the prompt asks for: those missing. */
  scopes: string[];
}

export function createScopesState(): ScopesState {
  return { granted: {}, prompts: [], refused: [] };
}

export function scopesState(ctx: EmulatorContext): ScopesState {
  // Workspaces saved before consent was modelled have no entry: everyone granted everything.
  ctx.state.scopes ??= createScopesState();
  return ctx.state.scopes;
}

/** The scopes `user` granted this script (one never asked would grant all it requests now). */
export function grantedScopes(ctx: EmulatorContext, user: string): string[] {
  return scopesState(ctx).granted[user] ?? projectScopes(ctx);
}

/**
 * What `user` granted, for a run with full authorization: a person not asked before is asked now and
 * grants everything the project requests, and that consent is kept. A later version whose manifest
 * adds a scope therefore finds it not granted, as Google asks again when "the script is updated in
 * such a way that it requires permission for additional scopes" (Google Workspace Updates, "Granular
 * OAuth consent in Google Apps Script IDE executions", January 2025).
 */
export function consentedScopes(ctx: EmulatorContext, user: string): string[] {
  const state = scopesState(ctx);
  state.granted[user] ??= projectScopes(ctx);
  return state.granted[user];
}

/**
 * `user` ticked only `scopes` on the consent screen (a later consent replaces an earlier one). The
 * screen offers only what the project requests, so anything else is a mistake in the test.
 */
export function setGrantedScopes(ctx: EmulatorContext, user: string, scopes: readonly string[]): void {
  const offered = projectScopes(ctx);
  const unknown = scopes.filter((s) => !offered.includes(s));
  if (unknown.length > 0) throw new Error(`The consent screen does not offer ${unknown.join(', ')}`);
  scopesState(ctx).granted[user] = [...new Set(scopes)].sort();
}

// ---------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------

/**
 * What a run without full authorization can still use: simple triggers run with authMode LIMITED,
 * "can modify the file they are bound to" and build menus, but "can't access services that require
 * authorization" (guides/triggers); Session answers there with a blank email rather than failing
 * (Session page). NONE allows nothing that needs a scope. CUSTOM_FUNCTION is not emulated.
 */
const LIMITED_SCOPES: ReadonlySet<string> = new Set([
  S.spreadsheetsCurrentOnly,
  S.documentsCurrentOnly,
  S.containerUi,
  S.userinfoEmail,
]);

/**
 * Google's text, seen in real runs: one scope bare, several as "(a || b)"
 * ("Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly ||
 * https://www.googleapis.com/auth/spreadsheets)"). Recent runs append ". For more information, see
 * …/troubleshooting#authorization-is"; whether every surface does is unverified, so it is left out.
 */
export function permissionMessage(method: string, choice: ScopeChoice): string {
  const required = choice.length === 1 ? choice[0]! : `(${choice.join(' || ')})`;
  return `You do not have permission to call ${method}. Required permissions: ${required}`;
}

function unmet(
  requires: readonly ScopeChoice[],
  available: (scope: string) => boolean,
): ScopeChoice | undefined {
  return requires.find((choice) => !choice.some(available));
}

/**
 * Throws Google's permission error when the API call `method` needs a scope that the project does
 * not request, that the current run's authorization mode does not allow, or that the person whose
 * authority the script runs with did not grant. A method without a row throws `Not emulated`.
 */
export function checkScopes(ctx: EmulatorContext, method: string): void {
  const row = SCOPE_TABLE.get(method);
  if (!row) throw ctx.fail(`Not emulated: ${method} has no row in the scope table (core/scopes.ts)`);
  if (row.requires.length === 0) return;
  const authMode = ctx.runtime.current()?.authMode ?? 'FULL';
  const requested = requestedScopes(ctx.project.manifest);
  const fail = (choice: ScopeChoice): never => {
    scopesState(ctx).refused.push({
      at: ctx.clock.now(),
      method,
      user: effectiveUser(ctx),
      functionName: ctx.runtime.current()?.functionName ?? null,
      scopes: [...choice],
    });
    throw ctx.fail(permissionMessage(method, choice));
  };

  const notRequested = requested && unmet(row.requires, (s) => requested.has(s));
  if (notRequested) fail(notRequested);
  if (authMode !== 'FULL') {
    const beyond = unmet(row.requires, (s) => authMode === 'LIMITED' && LIMITED_SCOPES.has(s));
    if (beyond) fail(beyond);
    return;
  }
  // The person whose authority the script runs with: the trigger's creator for installable triggers.
  const granted = new Set(consentedScopes(ctx, effectiveUser(ctx)));
  const notGranted = unmet(row.requires, (s) => granted.has(s));
  if (notGranted) fail(notGranted);
}
