/**
 * Every service call the product makes, counted by `Class.method`, and the cost model that turns each
 * call into the milliseconds it would take on Google. The emulated clock moves by that cost (see
 * `charge`), so a job's modelled run time is what `new Date()` shows inside it and what the 6-minute
 * limit (core/limits.ts) is measured against.
 *
 * Every emulated method has a price below, with the published measurement it comes from or the
 * assumption it rests on (BASIS); there is no default. Sheets writes go through a model of Apps
 * Script's write cache: a write is cheap and leaves its cells pending on its spreadsheet; the next read
 * of that spreadsheet, a structural change, `SpreadsheetApp.flush()`, `Lock.releaseLock()` or the end
 * of the execution pays the flush, proportional to the pending cells ("Every time you do a read, we must
 * first empty (commit) the write cache", Apps Script blog, "Optimizing Spreadsheet Operations", 2010).
 * The README's "Cost model" section gives the error bars.
 */
import type { Clock } from './clock';

export interface CallRecord {
  name: string; // e.g. "Range.getValues"
  cells?: number; // cells read or written, when the method reports it
  /** The modelled cost of the call, flushes it paid included (ms). */
  ms?: number;
}

/** What the call does to the write cache of its spreadsheet. */
type Effect =
  | 'read' // needs the sheet's current state: pays the pending flush first
  | 'write' // buffered: its cells wait in the cache
  | 'commit' // sent at once (structure, protections): carries what is pending with it
  | 'flush'; // SpreadsheetApp.flush, Lock.releaseLock: commits every pending write

interface Price {
  /** Milliseconds per call. */
  ms: number;
  /** Milliseconds per unit the call carries (cells of the range, addresses of addEditors, …). */
  perUnit?: number;
  /** How many units: the range's cells (default), its top-left cell only, or from the arguments. */
  units?: 'cells' | 'one' | ((args: readonly unknown[]) => number);
  effect?: Effect;
  basis: keyof typeof BASIS;
}

/** Where each figure comes from (facts carried from the public sources named). */
const BASIS = {
  local:
    'answered from what the script already holds (a handle, a builder, a value): an execution transcript (pastebin.com/VzZLHRrM, 2016) logged getActiveSheet, getRange and getRowIndex at 0 s; 1 ms errs high',
  sheetsMeta:
    'spreadsheet structure the service loads once (tabs, names, sizes): the same transcript logged getActiveSheet at 0 s; 5 ms is an assumption that errs high',
  sheetsRead:
    'the first getValues on a sheet took 0.175 s in the same transcript and later nearby reads 0 s (the look-ahead cache, not modelled: every read pays the first-read price); 0.01 ms a cell is an assumption (1 s per 100,000 cells); Tanaike read the size of a 10-million-cell sheet in 0.3 s (gist cc4380692790150cc090114553e38a0e)',
  sheetsWrite:
    'writes are buffered ("Optimizing Spreadsheet Operations", 2010): one setValues of 4,000 cells took under 50 ms before its flush (Stack Overflow, "What is faster: ScriptDb or SpreadsheetApp?", 2013); 10,000 setBackgroundColor calls with a flush per row take about 70 s and one setBackgrounds of the same 10,000 cells about 1 s (https://developers.google.com/apps-script/guides/support/best-practices), which leaves about 2 ms a call beside the flushes; 5 ms + 0.01 ms a cell errs high',
  sheetsCommit:
    'structural changes (tabs, rows, protections, conditional format rules, named ranges, appendRow) are applied at once and take what is pending with them: no published measurement; assumed one flush round trip (500 ms, see FLUSH)',
  sheetsOpen:
    'SpreadsheetApp.openById has no primary measurement (apps-script-facts §5.4); assumed 500 ms, a flush round trip',
  flushCall:
    'SpreadsheetApp.flush and Lock.releaseLock themselves: 5 ms assumed; the pending cells cost the flush (FLUSH)',
  properties:
    'Luis Peralta, 100 runs (https://ziritione.org/post/apps_script_performance): getProperty 30–34 ms, setProperty 62–64 ms on average (max 231 ms); the user store figures are used, the higher ones',
  cacheRead: 'Peralta: CacheService get 3–4 ms on average (max 8 ms); getAll is one memcache call',
  cacheWrite:
    'Peralta: CacheService put 92–93 ms on average (max 281 ms); putAll is one call ("one call to the memcache server", reference page); remove assumed like put',
  lock: 'no published measurement; the lock service is a server round trip, assumed 100 ms (waiting for another holder is modelled by services/lock.ts)',
  driveMeta: 'metadata Drive returns with the file (id, name, type, dates): assumed 5 ms, no measurement',
  driveRead:
    'one Drive API round trip (permissions, parents, lookups): no measurement; gdrive-copy keeps to 10 Drive requests a second to avoid rate errors (ericyd/gdrive-copy#46, #55), so at least 100 ms; assumed 200 ms',
  driveList:
    'a Drive files.list round trip: assumed 300 ms; an iterator then walks the page it fetched (driveMeta)',
  driveWrite: 'a Drive API update (rename, move, trash, sharing class): assumed 500 ms, no measurement',
  share:
    'a Drive permission per address plus Google\'s "shared with you" email: assumed 1 s an address, no measurement',
  copy: 'File.makeCopy: gdrive-copy copied about 2,000 files in its 90-minute daily trigger budget, ≈2.7 s a file with its logging (ericyd/gdrive-copy#100); a mail merge made 200 copy→edit→PDF→email rounds in about 4 minutes, ≈1.2 s each (appscript.dev, 2025); 1.5 s',
  create:
    'creating a Google file (DocumentApp.create, DriveApp.createFile): no primary measurement; assumed 1 s, within the 1.2–2.7 s per-file figures above',
  convert:
    'File.getAs / Document.getAs (PDF conversion, the "Files converted" quota): no primary measurement; assumed 1 s, the whole appscript.dev copy→PDF→email round being 1.2 s',
  docOpen:
    'DocumentApp.openById / saveAndClose: no primary measurement (apps-script-facts §5.4); assumed 500 ms each',
  docRead:
    'reading the open document model (an element, its text, its attributes): assumed 5 ms, no measurement',
  docEdit:
    'one edit of the open document (append, insert, set, remove): assumed 20 ms, no measurement; the 1.2 s appscript.dev round (several edits included) bounds it',
  docReplace: 'Body.replaceText over the document: assumed 50 ms, no measurement',
  docTable: 'appendTable / insertTable: assumed 100 ms + 1 ms a cell of the array, no measurement',
  mail: 'MailApp.sendEmail: assumed 1 s, no measurement; the appscript.dev round (with its email) of 1.2 s bounds it',
  mailQuota: 'MailApp.getRemainingDailyQuota: assumed 50 ms, a quota server round trip',
  alert:
    "Ui.alert / prompt: an alert took 2.141 s in the pastebin transcript, a person's quick click included; that answer time is the blocking-dialog model's (services/sheets/ui.ts, 20 s by default), so the call itself is assumed at 200 ms, one message to the browser, as uiCall",
  dialog: 'showing a dialog or sidebar (HTML sent to the browser): assumed 1 s, no measurement',
  uiCall: 'addToUi, toast (one message to the browser): assumed 200 ms, no measurement',
  triggerRead: 'ScriptApp.getProjectTriggers / getUserTriggers: assumed 100 ms, no measurement',
  triggerWrite: 'creating or deleting a trigger: assumed 300 ms, no measurement',
  html: 'HtmlTemplate.evaluate (runs the scriptlets on the server): assumed 10 ms, no measurement',
  authorization:
    "ScriptApp.getAuthorizationInfo / requireScopes / requireAllScopes ask the authorization server about the person's grants: no measurement; assumed 100 ms, one round trip like the lock service",
  chartWrite:
    'inserting, updating or removing an embedded chart (a structural change of the sheet): no measurement; assumed priced like the other structural changes (500 ms, sheetsCommit), which errs high',
  chartImage:
    'EmbeddedChart.getAs / getBlob renders the chart on the server: no measurement; assumed 2 s, twice a PDF conversion (convert), erring high',
  sheetsApiRead:
    'an Advanced Sheets read (values.get / batchGet, spreadsheets.get) is one Sheets API request, however many ranges it names ("Each batch request, including any subrequest, is counted as one API request", https://developers.google.com/sheets/api/limits); no measurement of its latency inside Apps Script: Tanaike found values.get and batchGet about 35% cheaper than getValues for the same data (gist d102c9600ba12a162c667287d2f20fe4); assumed 300 ms a call, above a SpreadsheetApp read (an HTTP round trip between Google\'s servers), + 0.01 ms a cell returned, as getValues',
  sheetsApiWrite:
    'values.batchUpdate is applied at once, all ranges in one atomic request (https://developers.google.com/sheets/api/limits); no measurement inside Apps Script: Tanaike found values.batchUpdate about 19% cheaper than setValues (gist d102c9600ba12a162c667287d2f20fe4), and howdy39 wrote 10,000 cells with their formats in one updateCells in about 3 s (qiita.com/howdy39/items/2fb95bb7b52cb0bb00ab); assumed 300 ms + 0.05 ms a cell written (10,000 cells: 800 ms, about a modelled setValues and its flush)',
  sheetsApiBatch:
    "Sheets.Spreadsheets.batchUpdate: no published measurement of its latency; assumed one flush round trip (500 ms, FLUSH) for the call, and per unit 0.02 ms, the flush's price of a cell: each cell a request writes is a unit and each request 250 units (5 ms, the server applying it), so the price grows with the batch (unverified); the Sheets API stops a request after 180 s (https://developers.google.com/sheets/api/limits)",
  docsApiRead:
    'Docs.Documents.get is one Docs API request for the whole document: no measurement of its latency inside Apps Script; assumed as an Advanced Sheets read (sheetsApiRead), 300 ms + 0.01 ms a structural element of the body returned',
  docsApiBatch:
    'Docs.Documents.batchUpdate is one Docs API request however many requests it carries (applied atomically, the batchUpdate reference); no measurement: assumed as Sheets.Spreadsheets.batchUpdate (sheetsApiBatch), 500 ms + 0.02 ms a unit, 250 units (5 ms) a request',
  docsApiCreate:
    'Docs.Documents.create makes a Google file: no measurement; assumed as DocumentApp.create (create), 1 s',
  image:
    'inserting an image into the open document (the blob is uploaded with the edit): no measurement; assumed 200 ms, ten document edits',
} as const;

/** The flush: 500 ms + 0.02 ms per pending cell. */
const FLUSH = { ms: 500, perCell: 0.02 } as const;
/*
 * FLUSH fits the published figures: one flush after a 4,000-cell setValues added 560 ms (Stack
 * Overflow, 2013: 610 ms with it, under 50 ms without) → 500 + 80 = 580; Google's 100×100 example with
 * a flush per row (70 s, 0.7 s a row of 100 writes) → 100 × 5 + 502 ≈ 1.0 s a row (errs high); one
 * setBackgrounds of 10,000 cells in about 1 s → 5 + 100 + 500 + 200 = 805 ms; Justin Poehnelt measured
 * about 800 ms per SpreadsheetApp write+read pair (justin.poehnelt.com/posts/apps-script-key-value-stores)
 * → 5 + 500 + 175 = 680 ms. The 2013 answer's flush per row of 10 cells (12 s / 400 = 30 ms) is an
 * older runtime's figure; the model keeps the higher, recent ones.
 */

const LOCAL: Price = { ms: 1, basis: 'local' };
const SHEETS_META: Price = { ms: 5, basis: 'sheetsMeta' };
const SHEETS_READ: Price = { ms: 175, perUnit: 0.01, effect: 'read', basis: 'sheetsRead' };
const SHEETS_READ_ONE: Price = { ...SHEETS_READ, units: 'one' };
const SHEETS_WRITE: Price = { ms: 5, perUnit: 0.01, effect: 'write', basis: 'sheetsWrite' };
const SHEETS_COMMIT: Price = { ms: 500, effect: 'commit', basis: 'sheetsCommit' };
const PROPS_READ: Price = { ms: 34, basis: 'properties' };
const PROPS_WRITE: Price = { ms: 64, basis: 'properties' };
const DRIVE_META: Price = { ms: 5, basis: 'driveMeta' };
const DRIVE_READ: Price = { ms: 200, basis: 'driveRead' };
const DRIVE_LIST: Price = { ms: 300, basis: 'driveList' };
const DRIVE_WRITE: Price = { ms: 500, basis: 'driveWrite' };
const SHARE_ONE: Price = { ms: 1000, basis: 'share' };
const SHARE_EACH: Price = { ms: 0, perUnit: 1000, units: lengthOfFirst, basis: 'share' };
const DOC_READ: Price = { ms: 5, basis: 'docRead' };
const DOC_EDIT: Price = { ms: 20, basis: 'docEdit' };
const DOC_TABLE: Price = { ms: 100, perUnit: 1, units: cellsOfFirst, basis: 'docTable' };

function lengthOfFirst(args: readonly unknown[]): number {
  const first = args[0];
  return first && typeof first === 'object' && 'length' in first ? Number(first.length) || 0 : 1;
}

function cellsOfFirst(args: readonly unknown[]): number {
  const rows = args.find((a) => Array.isArray(a) || (a && typeof a === 'object' && 'length' in a));
  if (!rows) return 0;
  let cells = 0;
  for (const row of Array.from(rows as ArrayLike<unknown>)) {
    cells += row && typeof row === 'object' && 'length' in row ? Number(row.length) || 0 : 1;
  }
  return cells;
}

/**
 * The price list: "Class: method method …" lines per price. Every public method of every emulated
 * class is listed (test/emulator/costModel.test.ts checks both ways).
 */
const TABLE: Array<[Price, string]> = [
  [
    LOCAL,
    `SpreadsheetApp: getUi newDataValidation newConditionalFormatRule
     Spreadsheet: getId getUrl getRange
     Sheet: getRange
     Range: getA1Notation getColumn getRow getNumRows getNumColumns getLastRow getLastColumn getSheet offset
     DataValidation: copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText
     DataValidationBuilder: build copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText
       requireCheckbox requireDate requireNumberBetween requireNumberEqualTo requireNumberGreaterThan
       requireNumberGreaterThanOrEqualTo requireNumberLessThan requireNumberLessThanOrEqualTo
       requireNumberNotBetween requireNumberNotEqualTo requireTextIsEmail requireValueInList
       setAllowInvalid setHelpText withCriteria
     ConditionalFormatRule: copy getBooleanCondition getRanges
     ConditionalFormatRuleBuilder: build copy getBooleanCondition getRanges setBackground setBold setFontColor
       setItalic setRanges whenCellEmpty whenCellNotEmpty whenNumberBetween whenNumberEqualTo
       whenNumberGreaterThan whenNumberGreaterThanOrEqualTo whenNumberLessThan whenNumberLessThanOrEqualTo
       whenTextContains whenTextEqualTo
     BooleanCondition: getBackground getBold getCriteriaType getCriteriaValues getFontColor getItalic
     Ui: createMenu
     EmbeddedChartBuilder: addRange build clearRanges getChartType getRanges removeRange setChartType
       setNumHeaders setOption setPosition
     EmbeddedChart: getChartId getContainerInfo getNumHeaders getOptions getRanges modify
     ChartOptions: get
     ContainerInfo: getAnchorColumn getAnchorRow getOffsetX getOffsetY
     InlineImage: getHeight getParent getType getWidth setHeight setWidth
     AuthorizationInfo: getAuthorizationStatus getAuthorizationUrl getAuthorizedScopes
     Menu: addItem addSeparator addSubMenu
     PromptResponse: getResponseText getSelectedButton
     User: getDomain getEmail
     Session: getActiveUser getActiveUserLocale getEffectiveUser getScriptTimeZone getTemporaryActiveUserKey
     PropertiesService: getDocumentProperties getScriptProperties getUserProperties
     CacheService: getDocumentCache getScriptCache getUserCache
     LockService: getDocumentLock getScriptLock getUserLock
     Lock: hasLock
     DocumentApp: getActiveDocument
     ScriptApp: newTrigger
     TriggerBuilder: forSpreadsheet timeBased
     ClockTriggerBuilder: after at atDate atHour everyDays everyHours everyMinutes everyWeeks inTimezone
       nearMinute onMonthDay onWeekDay
     SpreadsheetTriggerBuilder: onChange onEdit onFormSubmit onOpen
     Trigger: getEventType getHandlerFunction getTriggerSource getTriggerSourceId getUniqueId
     HtmlService: createHtmlOutput createHtmlOutputFromFile createTemplate createTemplateFromFile
     HtmlTemplate: getCode getRawContent
     HtmlOutput: addMetaTag append appendUntrusted clear getAs getBlob getContent getHeight getTitle getWidth
       setContent setHeight setSandboxMode setTitle setWidth setXFrameOptionsMode
     Utilities: base64Decode base64DecodeWebSafe base64Encode base64EncodeWebSafe computeDigest formatDate
       formatString getUuid newBlob parseCsv sleep
     Blob: copyBlob getBlob getBytes getContentType getDataAsString getName isGoogleType setBytes
       setContentType setDataFromString setName
     Logger: clear getLog log
     console: error info log warn`,
  ],
  [
    SHEETS_META,
    `SpreadsheetApp: getActive getActiveSheet getActiveSpreadsheet
     Spreadsheet: getName getSheets getNumSheets getSheetByName getSheetById getActiveSheet setActiveSheet
       getSpreadsheetTimeZone getSpreadsheetLocale getRangeByName getNamedRanges
     Sheet: activate getName getSheetId getIndex getParent getFrozenRows getFrozenColumns getColumnWidth
       isSheetHidden
     Range: activate
     NamedRange: getName getRange`,
  ],
  [
    SHEETS_READ,
    `Spreadsheet: getProtections
     Sheet: getDataRange getLastRow getLastColumn getMaxRows getMaxColumns getConditionalFormatRules
       getProtections
     Range: getValues getDisplayValues getFormulas getNumberFormats getNotes getBackgrounds getFontWeights
       getDataValidations
     Protection: canDomainEdit canEdit getDescription getEditors getProtectionType getRange
       getUnprotectedRanges isWarningOnly`,
  ],
  [
    SHEETS_READ_ONE,
    `Range: getValue getDisplayValue getFormula getNumberFormat getNote getBackground getFontWeight
       getDataValidation`,
  ],
  [
    SHEETS_WRITE,
    `Sheet: setName hideSheet showSheet setTabColor setFrozenRows setFrozenColumns setColumnWidth
       setColumnWidths
     Range: setValue setValues clear clearContent clearFormat clearDataValidations setNumberFormat
       setNumberFormats setNote setNotes setBackground setBackgrounds setFontWeight setFontWeights setFontStyle
       setFontColor setWrap setHorizontalAlignment setDataValidation setDataValidations`,
  ],
  [
    SHEETS_COMMIT,
    `Spreadsheet: insertSheet deleteSheet setNamedRange removeNamedRange setSpreadsheetTimeZone
       setSpreadsheetLocale
     Sheet: appendRow clear clearContents clearFormats insertRows insertRowsAfter insertColumnsAfter deleteRows
       setConditionalFormatRules clearConditionalFormatRules protect
     Range: protect
     Protection: addEditor addEditors remove removeEditor removeEditors setDescription setDomainEdit
       setUnprotectedRanges setWarningOnly
     NamedRange: setName setRange remove`,
  ],
  [{ ms: 500, basis: 'sheetsOpen' }, 'SpreadsheetApp: openById'],
  [{ ms: 5, effect: 'flush', basis: 'flushCall' }, 'SpreadsheetApp: flush\nLock: releaseLock'],
  [PROPS_READ, 'Properties: getProperty getProperties getKeys'],
  [PROPS_WRITE, 'Properties: setProperty setProperties deleteProperty deleteAllProperties'],
  [{ ms: 4, basis: 'cacheRead' }, 'Cache: get getAll'],
  [{ ms: 93, basis: 'cacheWrite' }, 'Cache: put putAll remove removeAll'],
  [{ ms: 100, basis: 'lock' }, 'Lock: tryLock waitLock'],
  [
    DRIVE_META,
    `File: getId getName getMimeType getUrl getSize getDateCreated getLastUpdated getDescription isTrashed
     Folder: getId getName getUrl getDateCreated getLastUpdated getDescription isTrashed
     FileIterator: hasNext next
     FolderIterator: hasNext next`,
  ],
  [
    DRIVE_READ,
    `DriveApp: getFileById getFolderById getRootFolder
     Spreadsheet: getOwner getEditors
     File: getAccess getEditors getViewers getOwner getParents getSharingAccess getSharingPermission
     Folder: getAccess getEditors getViewers getOwner getParents getSharingAccess getSharingPermission`,
  ],
  [
    DRIVE_LIST,
    `DriveApp: getFilesByName getFoldersByName
     Folder: getFiles getFilesByName getFolders getFoldersByName`,
  ],
  [
    DRIVE_WRITE,
    `DriveApp: createFolder
     Spreadsheet: rename
     File: moveTo removeCommenter removeEditor removeViewer setDescription setName setSharing setTrashed
     Folder: createFolder moveTo removeEditor removeViewer setDescription setName setSharing setTrashed`,
  ],
  [
    SHARE_ONE,
    `Spreadsheet: addEditor
     File: addCommenter addEditor addViewer
     Folder: addEditor addViewer`,
  ],
  [
    SHARE_EACH,
    `Spreadsheet: addEditors
     File: addCommenters addEditors addViewers
     Folder: addEditors addViewers`,
  ],
  [{ ms: 1500, basis: 'copy' }, 'File: makeCopy'],
  [{ ms: 1000, basis: 'create' }, 'DocumentApp: create\nDriveApp: createFile\nFolder: createFile'],
  [{ ms: 1000, basis: 'convert' }, 'File: getAs getBlob\nDocument: getAs getBlob'],
  [{ ms: 500, basis: 'docOpen' }, 'DocumentApp: openById openByUrl\nDocument: saveAndClose'],
  [
    DOC_READ,
    `Document: getBody getFooter getHeader getId getName getUrl
     RangeElement: getElement getEndOffsetInclusive getStartOffset isPartial
     PageBreak: getParent getType
     HorizontalRule: getParent getType
     Body: asBody asFooterSection asHeaderSection asListItem asParagraph asTable asTableCell asTableRow asText
       editAsText findText getAttributes getChild getChildIndex getListItems getMarginBottom getMarginLeft
       getMarginRight getMarginTop getNumChildren getPageHeight getPageWidth getParagraphs getParent getTables
       getText getType
     HeaderSection: asBody asFooterSection asHeaderSection asListItem asParagraph asTable asTableCell asTableRow
       asText editAsText findText getAttributes getChild getChildIndex getListItems getNumChildren
       getParagraphs getParent getTables getText getType
     FooterSection: asBody asFooterSection asHeaderSection asListItem asParagraph asTable asTableCell asTableRow
       asText editAsText findText getAttributes getChild getChildIndex getListItems getNumChildren
       getParagraphs getParent getTables getText getType
     TableCell: asBody asFooterSection asHeaderSection asListItem asParagraph asTable asTableCell asTableRow
       asText copy editAsText findText getAttributes getBackgroundColor getChild getChildIndex getColSpan
       getListItems getNumChildren getPaddingBottom getPaddingLeft getPaddingRight getPaddingTop getParagraphs
       getParent getParentRow getParentTable getRowSpan getTables getText getType getVerticalAlignment getWidth
     Paragraph: asBody asFooterSection asHeaderSection asListItem asParagraph asTable asTableCell asTableRow
       asText copy editAsText findText getAlignment getAttributes getHeading getIndentEnd getIndentFirstLine
       getIndentStart getLineSpacing getLinkUrl getParent getSpacingAfter getSpacingBefore getText getType
     ListItem: asBody asFooterSection asHeaderSection asListItem asParagraph asTable asTableCell asTableRow
       asText copy editAsText findText getAlignment getAttributes getGlyphType getHeading getIndentEnd
       getIndentFirstLine getIndentStart getLineSpacing getLinkUrl getListId getNestingLevel getParent
       getSpacingAfter getSpacingBefore getText getType
     Table: asBody asFooterSection asHeaderSection asListItem asParagraph asTable asTableCell asTableRow asText
       copy editAsText findText getAttributes getBorderColor getBorderWidth getCell getChild getColumnWidth
       getNumChildren getNumRows getParent getRow getText getType
     TableRow: asBody asFooterSection asHeaderSection asListItem asParagraph asTable asTableCell asTableRow
       asText copy editAsText findText getAttributes getCell getChild getMinimumHeight getNumCells
       getNumChildren getParent getParentTable getText getType
     Text: asBody asFooterSection asHeaderSection asListItem asParagraph asTable asTableCell asTableRow asText
       editAsText findText getAttributes getBackgroundColor getFontFamily getFontSize getForegroundColor
       getLinkUrl getParent getText getTextAttributeIndices getType isBold isItalic isStrikethrough isUnderline`,
  ],
  [
    DOC_EDIT,
    `Document: addFooter addHeader setName
     Body: appendHorizontalRule appendListItem appendPageBreak appendParagraph clear insertListItem
       insertParagraph removeChild setAttributes setMarginBottom setMarginLeft setMarginRight setMarginTop
       setPageHeight setPageWidth setText
     HeaderSection: appendHorizontalRule appendListItem appendParagraph clear insertListItem insertParagraph
       removeChild setAttributes setText
     FooterSection: appendHorizontalRule appendListItem appendParagraph clear insertListItem insertParagraph
       removeChild setAttributes setText
     TableCell: appendHorizontalRule appendListItem appendParagraph clear insertListItem insertParagraph
       removeChild removeFromParent setAttributes setBackgroundColor setPaddingBottom setPaddingLeft
       setPaddingRight setPaddingTop setText setVerticalAlignment setWidth
     Paragraph: appendText removeFromParent setAlignment setAttributes setHeading setIndentEnd
       setIndentFirstLine setIndentStart setLineSpacing setLinkUrl setSpacingAfter setSpacingBefore setText
     ListItem: appendText removeFromParent setAlignment setAttributes setGlyphType setHeading setIndentEnd
       setIndentFirstLine setIndentStart setLineSpacing setLinkUrl setListId setNestingLevel setSpacingAfter
       setSpacingBefore setText
     Table: appendTableRow insertTableRow removeFromParent removeRow setAttributes setBorderColor
       setBorderWidth setColumnWidth
     TableRow: appendTableCell insertTableCell removeCell removeFromParent setAttributes setMinimumHeight
     Text: appendText deleteText insertText setAttributes setBackgroundColor setBold setFontFamily setFontSize
       setForegroundColor setItalic setLinkUrl setStrikethrough setText setUnderline`,
  ],
  [
    { ms: 50, basis: 'docReplace' },
    `Body: replaceText
     HeaderSection: replaceText
     FooterSection: replaceText
     TableCell: replaceText
     Paragraph: replaceText
     ListItem: replaceText
     Table: replaceText
     TableRow: replaceText
     Text: replaceText`,
  ],
  [
    DOC_TABLE,
    `Body: appendTable insertTable
     HeaderSection: appendTable insertTable
     FooterSection: appendTable insertTable
     TableCell: appendTable insertTable`,
  ],
  [{ ms: 1000, basis: 'mail' }, 'MailApp: sendEmail'],
  [{ ms: 50, basis: 'mailQuota' }, 'MailApp: getRemainingDailyQuota'],
  [{ ms: 200, basis: 'alert' }, 'Ui: alert prompt'],
  [{ ms: 1000, basis: 'dialog' }, 'Ui: showModalDialog showModelessDialog showSidebar'],
  [{ ms: 200, basis: 'uiCall' }, 'Menu: addToUi\nSpreadsheet: toast'],
  [{ ms: 100, basis: 'triggerRead' }, 'ScriptApp: getProjectTriggers getUserTriggers'],
  [
    { ms: 300, basis: 'triggerWrite' },
    'ScriptApp: deleteTrigger\nClockTriggerBuilder: create\nSpreadsheetTriggerBuilder: create',
  ],
  [{ ms: 10, basis: 'html' }, 'HtmlTemplate: evaluate'],
  [{ ms: 100, basis: 'authorization' }, 'ScriptApp: getAuthorizationInfo requireAllScopes requireScopes'],
  [SHEETS_META, 'Sheet: newChart getCharts'],
  [{ ms: 300, perUnit: 0.01, basis: 'sheetsApiRead' }, 'Sheets.Spreadsheets.Values: get batchGet'],
  [{ ms: 300, perUnit: 0.05, basis: 'sheetsApiWrite' }, 'Sheets.Spreadsheets.Values: batchUpdate'],
  [{ ms: 500, perUnit: 0.02, basis: 'sheetsApiBatch' }, 'Sheets.Spreadsheets: batchUpdate'],
  [{ ms: 300, perUnit: 0.01, basis: 'sheetsApiRead' }, 'Sheets.Spreadsheets: get'],
  [{ ms: 300, perUnit: 0.01, basis: 'docsApiRead' }, 'Docs.Documents: get'],
  [{ ms: 500, perUnit: 0.02, basis: 'docsApiBatch' }, 'Docs.Documents: batchUpdate'],
  [{ ms: 1000, basis: 'docsApiCreate' }, 'Docs.Documents: create'],
  [{ ms: 500, effect: 'commit', basis: 'chartWrite' }, 'Sheet: insertChart updateChart removeChart'],
  [{ ms: 2000, basis: 'chartImage' }, 'EmbeddedChart: getAs getBlob\nInlineImage: getAs getBlob'],
  [
    { ms: 200, basis: 'image' },
    `Body: appendImage insertImage
     HeaderSection: appendImage insertImage
     FooterSection: appendImage insertImage
     TableCell: appendImage insertImage
     Paragraph: appendInlineImage
     ListItem: appendInlineImage`,
  ],
];

function buildPrices(table: Array<[Price, string]>): Map<string, Price> {
  const prices = new Map<string, Price>();
  for (const [price, text] of table) {
    // "Class: m m m" starts a class (advanced services: "Sheets.Spreadsheets.Values: m"); a line
    // without a colon continues the one above.
    let className = '';
    for (const line of text.split('\n')) {
      const match = /^\s*([\w.]+):(.*)$/.exec(line);
      if (match) className = match[1]!;
      for (const method of (match ? match[2]! : line).trim().split(/\s+/).filter(Boolean)) {
        const name = `${className}.${method}`;
        if (prices.has(name)) throw new Error(`The cost model prices ${name} twice`);
        prices.set(name, price);
      }
    }
  }
  return prices;
}

const PRICES = buildPrices(TABLE);

/** Every priced `Class.method` (for the test that compares it with the emulated classes). */
export function pricedMethods(): string[] {
  return [...PRICES.keys()].sort();
}

/** A method's price and where it comes from, e.g. "175 ms + 0.01 ms a unit (read): the first getValues …". */
export function describePrice(name: string): string | null {
  const price = PRICES.get(name);
  if (!price) return null;
  const perUnit = price.perUnit ? ` + ${price.perUnit} ms a unit` : '';
  const effect = price.effect ? ` (${price.effect})` : '';
  return `${price.ms} ms${perUnit}${effect}: ${BASIS[price.basis]}`;
}

/** What the cost model needs to know about one call besides its name. */
export interface CallInfo {
  /** The emulated object the method was called on. */
  target?: object;
  args?: readonly unknown[];
}

/** The spreadsheet a Sheets object belongs to (Range, Sheet, Protection, … carry `_ssId`). */
function spreadsheetOf(target: object | undefined): string | null {
  if (!target) return null;
  const t = target as { _ssId?: unknown; _id?: unknown; _className?: unknown };
  if (typeof t._ssId === 'string') return t._ssId;
  return t._className === 'Spreadsheet' && typeof t._id === 'string' ? t._id : null;
}

/** The cells of a Range target. */
function rangeCells(target: object | undefined): number | null {
  const t = target as { _numRows?: unknown; _numCols?: unknown } | undefined;
  return typeof t?._numRows === 'number' && typeof t._numCols === 'number' ? t._numRows * t._numCols : null;
}

/** A call under way: charged by `end`. */
export interface OpenCall {
  record: CallRecord;
  price: Price;
  info: CallInfo;
  execution: number;
}

export class CallLog {
  private readonly records: CallRecord[] = [];
  private readonly extraPrices = new Map<string, Price>();
  /** Pending cells per execution (0 = outside any) and spreadsheet, waiting for a flush. */
  private readonly pending = new Map<number, Map<string, number>>();
  /** Flushes paid at the end of executions since the last `clear`, ms. */
  private endFlushMs = 0;
  /** Test driver, not a Google behaviour: every modelled cost is multiplied by it (see setSlowdown). */
  private slowdown = 1;

  constructor(private readonly clock?: Clock) {}

  /**
   * A test driver, not a Google behaviour: multiplies every modelled cost (calls and the flushes at
   * the end of executions) by `factor`, so a small workbook's job runs as long as a large one's (or
   * as on a slow day of Google's, whose maxima are 3–4× the averages) and meets the execution limit.
   * 1 restores the calibrated model.
   */
  setSlowdown(factor: number): void {
    if (!(factor > 0)) throw new Error(`Emulator: the slowdown must be a positive number, not ${factor}`);
    this.slowdown = factor;
  }

  /** Prices an emulated class defined outside this table (a test's own class): local, 1 ms. */
  definePrice(name: string, ms = LOCAL.ms): void {
    this.extraPrices.set(name, { ms, basis: 'local' });
  }

  private priceOf(name: string): Price {
    const price = PRICES.get(name) ?? this.extraPrices.get(name);
    if (!price) {
      throw new Error(
        `Emulator: ${name} has no modelled cost. Price it in scripts/emulator/core/callLog.ts with its source.`,
      );
    }
    return price;
  }

  /** Starts a priced call: throws for a method without a price. Charge it with `end` when it returns. */
  begin(name: string, info: CallInfo, execution: number): OpenCall {
    const price = this.priceOf(name);
    const record: CallRecord = { name };
    this.records.push(record);
    return { record, price, info, execution };
  }

  /** Ends a call: its cost (and the flush it paid) goes on the record and moves the clock. */
  end(call: OpenCall): number {
    const { record, price, info, execution } = call;
    const units = this.unitsOf(record, price, info);
    let ms = price.ms + (price.perUnit ?? 0) * units;
    const ssId = spreadsheetOf(info.target);
    const pending = this.pendingOf(execution);
    switch (price.effect) {
      case 'read':
        if (ssId) ms += this.flushCost(pending, ssId, true);
        break;
      case 'commit':
        if (ssId) ms += this.flushCost(pending, ssId, false);
        break;
      case 'write':
        if (ssId) pending.set(ssId, (pending.get(ssId) ?? 0) + Math.max(units, 1));
        break;
      case 'flush':
        ms += this.flushAllCost(pending);
        break;
      default:
        break;
    }
    // Whole milliseconds, rounded up: the clock counts in ms and the model errs high.
    record.ms = Math.ceil(ms * this.slowdown);
    this.clock?.advanceBy(record.ms);
    return record.ms;
  }

  /** The end of an execution: what it left pending is flushed (and costs it the time). */
  endExecution(execution: number): number {
    const ms = Math.ceil(this.flushAllCost(this.pendingOf(execution)) * this.slowdown);
    this.pending.delete(execution);
    this.endFlushMs += ms;
    this.clock?.advanceBy(ms);
    return ms;
  }

  private unitsOf(record: CallRecord, price: Price, info: CallInfo): number {
    if (price.units === 'one') return 1;
    if (typeof price.units === 'function') return price.units(info.args ?? []);
    return record.cells ?? rangeCells(info.target) ?? 0;
  }

  private pendingOf(execution: number): Map<string, number> {
    let pending = this.pending.get(execution);
    if (!pending) {
      pending = new Map();
      this.pending.set(execution, pending);
    }
    return pending;
  }

  /**
   * The flush of one spreadsheet's pending cells: a read pays a whole flush round trip, a commit
   * (itself a round trip, priced on its own) only the per-cell part.
   */
  private flushCost(pending: Map<string, number>, ssId: string, roundTrip: boolean): number {
    const cells = pending.get(ssId);
    if (!cells) return 0;
    pending.delete(ssId);
    return (roundTrip ? FLUSH.ms : 0) + FLUSH.perCell * cells;
  }

  /** Cells written in this execution to this spreadsheet and not flushed yet. */
  pendingCells(execution: number, ssId: string): number {
    return this.pending.get(execution)?.get(ssId) ?? 0;
  }

  private flushAllCost(pending: Map<string, number>): number {
    let ms = 0;
    for (const ssId of [...pending.keys()]) ms += this.flushCost(pending, ssId, true);
    return ms;
  }

  /** Counts per `Class.method`, optionally only for one class ("Range") or service prefix. */
  counts(prefix?: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.records) {
      if (prefix && !r.name.startsWith(prefix)) continue;
      out[r.name] = (out[r.name] ?? 0) + 1;
    }
    return out;
  }

  count(name: string): number {
    return this.records.filter((r) => r.name === name).length;
  }

  total(): number {
    return this.records.length;
  }

  entries(): readonly CallRecord[] {
    return this.records;
  }

  clear(): void {
    this.records.length = 0;
    this.endFlushMs = 0;
  }

  /** Modelled milliseconds on Google for the calls logged so far, flushes included. */
  estimateMs(): number {
    let ms = this.endFlushMs;
    for (const r of this.records) ms += r.ms ?? this.priceOf(r.name).ms;
    return Math.round(ms);
  }
}
