/**
 * A fake of the few Google endpoints the provisioning and province tools use, on 127.0.0.1 (port
 * 0), so the real googleapis client can be tested offline. It keeps what was created (spreadsheets
 * with their cells, bound script projects with their files, Drive permissions), answers the way
 * Google does (error bodies, trailing empty cells left out, "exceeds grid limits"), and validates
 * every request: method and path, `Authorization: Bearer <token>`, and the shape of the JSON body
 * and query. A request that fails validation gets a 400 and is kept in `rejected`, so a test can
 * assert the client never sent one.
 *
 * Faults: a status on the nth request of an endpoint (or on every request matching a predicate),
 * a response lost after the work was done, every request failing after N requests (a crash), and
 * requests left unanswered once a condition holds (the moment a test kills the client).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Endpoint =
  | 'sheets.create'
  | 'sheets.get'
  | 'sheets.batchUpdate'
  | 'values.batchUpdate'
  | 'values.batchGet'
  | 'values.clear'
  | 'script.create'
  | 'script.updateContent'
  | 'drive.permissions.create'
  | 'drive.files.list';

export interface FakeRequest {
  seq: number;
  method: string;
  path: string;
  endpoint?: Endpoint;
  query: URLSearchParams;
  body: unknown;
  /** The spreadsheet the request is about (for a script request: its parent). */
  fileId?: string;
  status?: number;
  outcome?: 'answered' | 'fault' | 'dropped' | 'held';
}

export interface FakeSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  /** Cells from A1, rows of values ('' or undefined for empty). */
  values: unknown[][];
}

export interface FakeSpreadsheet {
  id: string;
  title: string;
  /**
   * What the account behind the token may do with it (default owner): a viewer cannot bind a
   * script to it, and a file not shared with the account does not exist for it.
   */
  access?: 'owner' | 'writer' | 'reader' | 'none';
  locale?: string;
  timeZone?: string;
  createdTime: string;
  sheets: FakeSheet[];
}

export interface FakeProject {
  scriptId: string;
  title?: string;
  parentId: string;
  files?: Array<{ name: string; type: string; source: string }>;
  contentUpdates: number;
}

export interface FakePermission {
  id: string;
  fileId: string;
  type: string;
  role: string;
  emailAddress: string;
  /** Whether Drive would have e-mailed the person (sendNotificationEmail, default true). */
  notified: boolean;
  emailMessage?: string;
}

export interface Fault {
  endpoint?: Endpoint;
  /** The nth request (1-based) of that endpoint; with `when`, any matching request. */
  nth?: number;
  when?: (request: FakeRequest) => boolean;
  /** How many requests it hits (default 1; Infinity for a persistent fault). */
  times?: number;
  /** 'status': answer with an error; 'lose-response': do the work, then drop the connection. */
  kind?: 'status' | 'lose-response';
  status?: number;
  reason?: string;
  message?: string;
  retryAfterSeconds?: number;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

const invalid = (message: string) => new HttpError(400, message, 'badRequest');
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: string[], where: string): void {
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  if (extra.length > 0)
    throw invalid(`Invalid JSON payload received. Unknown name "${extra[0]}" at '${where}'`);
}

/** A1 notation: 'Tab name'!A1:C10, Tab!A:D, 'Tab'. Rows and columns are 1-based; open ends are Infinity. */
export function parseRange(
  a1: string,
): { sheet: string; r1: number; c1: number; r2: number; c2: number } | null {
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))(?:!([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?)?$/.exec(a1);
  if (!match) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]!;
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [, , , col1 = '', row1 = '', col2, row2] = match;
  if (match[3] === undefined) return { sheet, r1: 1, c1: 1, r2: Infinity, c2: Infinity };
  if (col1 === '' && row1 === '') return null;
  const r1 = row1 ? Number(row1) : 1;
  const c1 = col1 ? column(col1) : 1;
  if (col2 === undefined) return { sheet, r1, c1, r2: row1 ? r1 : Infinity, c2: col1 ? c1 : Infinity };
  return { sheet, r1, c1, r2: row2 ? Number(row2) : Infinity, c2: col2 ? column(col2) : Infinity };
}

function scalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** A cell as FORMATTED_VALUE shows it (no number formats here: the plain text of the value). */
function formatted(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export class FakeGoogle {
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  readonly projects = new Map<string, FakeProject>();
  readonly permissions: FakePermission[] = [];
  readonly log: FakeRequest[] = [];
  /** Requests that failed validation (a bad shape, no credentials, an unknown endpoint). */
  readonly rejected: Array<{ request: FakeRequest; message: string }> = [];
  rootUrl = '';
  /**
   * The account's Apps Script API user setting (script.google.com/home/usersettings); off, every
   * Apps Script API call gets Google's 403, as reported in real runs (googleworkspace/python-samples#79,
   * google/clasp#256).
   */
  scriptApiEnabled = true;
  private readonly server: http.Server;
  private readonly faults: Array<Fault & { hits: number }> = [];
  private readonly held = new Set<http.ServerResponse>();
  private crashAfterRequests = Infinity;
  private holdCondition: ((fake: FakeGoogle) => boolean) | null = null;
  private holding = false;
  private onHold: (() => void) | null = null;
  private nextId = 1;

  private constructor(readonly token: string) {
    this.server = http.createServer((req, res) => this.receive(req, res));
    this.server.keepAliveTimeout = 1000;
  }

  static async start(options: { token?: string } = {}): Promise<FakeGoogle> {
    const fake = new FakeGoogle(options.token ?? 'test-access-token');
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.rootUrl = `http://127.0.0.1:${port}/`;
    return fake;
  }

  async close(): Promise<void> {
    this.recover();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- faults -------------------------------------------------------------------------------

  fail(fault: Fault): void {
    this.faults.push({ times: 1, kind: 'status', status: 500, ...fault, hits: 0 });
  }

  /** Every request after the first `n` fails with 503, until recover(). */
  crashAfter(n: number): void {
    this.crashAfterRequests = n;
  }

  /**
   * Once `condition` holds (checked as each request arrives), requests are received but never
   * answered, as if the machine had stopped; the promise resolves when that starts.
   */
  holdWhen(condition: (fake: FakeGoogle) => boolean): Promise<void> {
    this.holdCondition = condition;
    return new Promise((resolve) => (this.onHold = resolve));
  }

  /** Back to normal: held requests are dropped, nothing fails any more. */
  recover(): void {
    this.crashAfterRequests = Infinity;
    this.holdCondition = null;
    this.holding = false;
    this.faults.length = 0;
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  // --- what happened ------------------------------------------------------------------------

  count(endpoint: Endpoint, outcome: FakeRequest['outcome'] | 'any' = 'answered'): number {
    return this.log.filter((r) => r.endpoint === endpoint && (outcome === 'any' || r.outcome === outcome))
      .length;
  }

  spreadsheetByTitle(title: string): FakeSpreadsheet[] {
    return [...this.spreadsheets.values()].filter((s) => s.title === title);
  }

  projectsOf(spreadsheetId: string): FakeProject[] {
    return [...this.projects.values()].filter((p) => p.parentId === spreadsheetId);
  }

  permissionsOf(spreadsheetId: string): FakePermission[] {
    return this.permissions.filter((p) => p.fileId === spreadsheetId);
  }

  /** A tab's cells as the Sheets UI would show them to a script (getValues): no trailing empties. */
  tabValues(spreadsheetId: string, title: string): unknown[][] {
    const sheet = this.spreadsheets.get(spreadsheetId)?.sheets.find((s) => s.title === title);
    if (!sheet) throw new Error(`no tab "${title}" in ${spreadsheetId}`);
    return sheet.values.map((row) => Array.from(row, (v) => v ?? ''));
  }

  /** A spreadsheet that already exists (a workbook for the province roll-up). */
  addSpreadsheet(title: string, tabs: Record<string, unknown[][]>): string {
    const id = this.newId('sheet');
    this.spreadsheets.set(id, {
      id,
      title,
      createdTime: new Date(Date.UTC(2026, 0, 1) + this.nextId * 1000).toISOString(),
      sheets: Object.entries(tabs).map(([name, values], i) => ({
        sheetId: i,
        title: name,
        rowCount: Math.max(1000, values.length),
        columnCount: Math.max(26, ...values.map((r) => r.length)),
        values: values.map((r) => [...r]),
      })),
    });
    return id;
  }

  // --- the server ---------------------------------------------------------------------------

  private newId(prefix: string): string {
    return `${prefix}-${String(this.nextId++).padStart(6, '0')}`;
  }

  private receive(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const request: FakeRequest = {
        seq: this.log.length + 1,
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: undefined,
      };
      this.log.push(request);
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        this.handle(request, req, res, text);
      } catch (error) {
        const e = error instanceof HttpError ? error : new HttpError(500, String(error));
        if (request.outcome === undefined) {
          request.outcome = 'answered';
          if (e.status === 400 || e.status === 401 || e.reason === 'noSuchEndpoint')
            this.rejected.push({ request, message: e.message });
        }
        this.send(res, request, e.status, this.errorBody(e.status, e.message, e.reason));
      }
    });
  }

  private errorBody(
    status: number,
    message: string,
    reason?: string,
    retryAfter?: number,
  ): { body: unknown; headers: Record<string, string> } {
    return {
      body: {
        error: {
          code: status,
          message,
          status: STATUS_NAMES[status] ?? 'UNKNOWN',
          errors: [{ message, domain: 'global', reason: reason ?? STATUS_NAMES[status] ?? 'unknown' }],
        },
      },
      headers:
        retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : ({} as Record<string, string>),
    };
  }

  private send(
    res: http.ServerResponse,
    request: FakeRequest,
    status: number,
    answer: { body: unknown; headers?: Record<string, string> },
  ): void {
    request.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }

  private route(request: FakeRequest): { endpoint: Endpoint; id?: string; range?: string } | null {
    const { method, path } = request;
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/v4/spreadsheets') return { endpoint: 'sheets.create' };
    if ((m = /^\/v4\/spreadsheets\/([^/:]+)$/.exec(path)) && method === 'GET')
      return { endpoint: 'sheets.get', id: m[1] };
    if ((m = /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/.exec(path)) && method === 'POST')
      return { endpoint: 'sheets.batchUpdate', id: m[1] };
    if ((m = /^\/v4\/spreadsheets\/([^/:]+)\/values:batchUpdate$/.exec(path)) && method === 'POST')
      return { endpoint: 'values.batchUpdate', id: m[1] };
    if ((m = /^\/v4\/spreadsheets\/([^/:]+)\/values:batchGet$/.exec(path)) && method === 'GET')
      return { endpoint: 'values.batchGet', id: m[1] };
    if ((m = /^\/v4\/spreadsheets\/([^/:]+)\/values\/(.+):clear$/.exec(path)) && method === 'POST')
      return { endpoint: 'values.clear', id: m[1], range: decodeURIComponent(m[2]!) };
    if (method === 'POST' && path === '/v1/projects') return { endpoint: 'script.create' };
    if ((m = /^\/v1\/projects\/([^/]+)\/content$/.exec(path)) && method === 'PUT')
      return { endpoint: 'script.updateContent', id: m[1] };
    if ((m = /^\/drive\/v3\/files\/([^/]+)\/permissions$/.exec(path)) && method === 'POST')
      return { endpoint: 'drive.permissions.create', id: m[1] };
    if (method === 'GET' && path === '/drive/v3/files') return { endpoint: 'drive.files.list' };
    return null;
  }

  private handle(
    request: FakeRequest,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    text: string,
  ): void {
    const route = this.route(request);
    if (route) {
      request.endpoint = route.endpoint;
      request.fileId =
        route.endpoint === 'script.updateContent' ? this.projects.get(route.id ?? '')?.parentId : route.id;
    }
    if (text !== '') {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
        throw invalid(`Expected a JSON body (content-type ${String(req.headers['content-type'])})`);
      try {
        request.body = JSON.parse(text);
      } catch {
        throw invalid('Invalid JSON payload received.');
      }
    }
    if (route?.endpoint === 'script.create' && isObject(request.body))
      request.fileId = String(request.body.parentId);

    // The machine stopped: received, never answered.
    if (this.holding || (this.holdCondition && this.holdCondition(this))) {
      if (!this.holding) {
        this.holding = true;
        this.onHold?.();
      }
      request.outcome = 'held';
      this.held.add(res);
      return;
    }
    if (request.seq > this.crashAfterRequests) {
      request.outcome = 'fault';
      this.send(
        res,
        request,
        503,
        this.errorBody(503, 'The service is currently unavailable.', 'backendError'),
      );
      return;
    }
    const auth = String(req.headers.authorization ?? '');
    if (auth !== `Bearer ${this.token}`)
      throw new HttpError(401, 'Request is missing required authentication credential.', 'unauthorized');
    if (!route)
      throw new HttpError(404, `No such endpoint: ${request.method} ${request.path}`, 'noSuchEndpoint');

    const nth = this.log.filter((r) => r.endpoint === route.endpoint).length;
    const fault = this.faults.find(
      (f) =>
        f.hits < (f.times ?? 1) &&
        (f.endpoint === undefined || f.endpoint === route.endpoint) &&
        (f.nth === undefined || f.nth === nth) &&
        (f.when === undefined || f.when(request)),
    );
    if (fault && fault.kind !== 'lose-response') {
      fault.hits++;
      request.outcome = 'fault';
      const status = fault.status ?? 500;
      const message = fault.message ?? (status === 429 ? 'Quota exceeded.' : 'Internal error encountered.');
      this.send(res, request, status, this.errorBody(status, message, fault.reason, fault.retryAfterSeconds));
      return;
    }
    const result = this.dispatch(route, request);
    if (route.endpoint === 'sheets.create')
      request.fileId = (result as { spreadsheetId: string }).spreadsheetId;
    // The project keeps the uploaded code; the log need not hold a second copy of it.
    if (route.endpoint === 'script.updateContent') request.body = { files: '(kept in projects)' };
    if (fault) {
      // The work is done, the answer is lost on the way back.
      fault.hits++;
      request.outcome = 'dropped';
      request.status = 200;
      res.socket?.destroy();
      return;
    }
    request.outcome = 'answered';
    this.send(res, request, 200, { body: result });
  }

  private dispatch(
    route: { endpoint: Endpoint; id?: string; range?: string },
    request: FakeRequest,
  ): unknown {
    switch (route.endpoint) {
      case 'sheets.create':
        return this.createSpreadsheet(request.body);
      case 'sheets.get':
        return this.getSpreadsheet(route.id!);
      case 'sheets.batchUpdate':
        return this.batchUpdate(route.id!, request.body);
      case 'values.batchUpdate':
        return this.writeValues(route.id!, request.body);
      case 'values.batchGet':
        return this.readValues(route.id!, request.query);
      case 'values.clear':
        return this.clearValues(route.id!, route.range!);
      case 'script.create':
        this.requireScriptApi();
        return this.createProject(request.body);
      case 'script.updateContent':
        this.requireScriptApi();
        return this.updateContent(route.id!, request.body);
      case 'drive.permissions.create':
        return this.createPermission(route.id!, request.query, request.body);
      case 'drive.files.list':
        return this.listFiles(request.query);
    }
  }

  private spreadsheet(id: string): FakeSpreadsheet {
    const found = this.spreadsheets.get(id);
    if (!found) throw new HttpError(404, 'Requested entity was not found.', 'notFound');
    return found;
  }

  private sheetOf(spreadsheet: FakeSpreadsheet, range: string) {
    const parsed = parseRange(range);
    const sheet = parsed && spreadsheet.sheets.find((s) => s.title === parsed.sheet);
    if (!parsed || !sheet) throw invalid(`Unable to parse range: ${range}`);
    return { parsed, sheet };
  }

  private createSpreadsheet(body: unknown) {
    if (!isObject(body)) throw invalid('Spreadsheet body must be an object');
    onlyKeys(body, ['properties', 'sheets'], 'spreadsheet');
    const properties = body.properties;
    if (!isObject(properties) || typeof properties.title !== 'string' || properties.title.trim() === '')
      throw invalid('properties.title is required');
    onlyKeys(properties, ['title', 'locale', 'timeZone'], 'spreadsheet.properties');
    const sheets = body.sheets ?? [];
    if (!Array.isArray(sheets)) throw invalid('sheets must be a list');
    const titles = sheets.map((s: unknown) => {
      if (!isObject(s) || !isObject(s.properties) || typeof s.properties.title !== 'string')
        throw invalid('Each sheet needs properties.title');
      return s.properties.title;
    });
    if (new Set(titles).size !== titles.length) throw invalid('Duplicate sheet title');
    const id = this.newId('sheet');
    const spreadsheet: FakeSpreadsheet = {
      id,
      title: properties.title,
      locale: properties.locale as string | undefined,
      timeZone: properties.timeZone as string | undefined,
      createdTime: new Date(Date.UTC(2026, 0, 1) + this.nextId * 1000).toISOString(),
      sheets: (titles.length > 0 ? titles : ['Sheet1']).map((title, i) => ({
        sheetId: i,
        title,
        rowCount: 1000,
        columnCount: 26,
        values: [],
      })),
    };
    this.spreadsheets.set(id, spreadsheet);
    return {
      spreadsheetId: id,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${id}/edit`,
      properties: { title: spreadsheet.title },
    };
  }

  private getSpreadsheet(id: string) {
    const spreadsheet = this.spreadsheet(id);
    return {
      spreadsheetId: id,
      properties: { title: spreadsheet.title },
      sheets: spreadsheet.sheets.map((s) => ({
        properties: {
          sheetId: s.sheetId,
          title: s.title,
          gridProperties: { rowCount: s.rowCount, columnCount: s.columnCount },
        },
      })),
    };
  }

  private batchUpdate(id: string, body: unknown) {
    const spreadsheet = this.spreadsheet(id);
    if (!isObject(body) || !Array.isArray(body.requests) || body.requests.length === 0)
      throw invalid('requests must be a non-empty list');
    const replies: unknown[] = [];
    for (const item of body.requests) {
      if (!isObject(item) || Object.keys(item).length !== 1) throw invalid('Each request must have one kind');
      if (isObject(item.addSheet)) {
        const properties = item.addSheet.properties;
        if (!isObject(properties) || typeof properties.title !== 'string')
          throw invalid('addSheet needs a title');
        if (spreadsheet.sheets.some((s) => s.title === properties.title))
          throw invalid(`A sheet with the name "${properties.title}" already exists.`);
        const grid = isObject(properties.gridProperties) ? properties.gridProperties : {};
        const sheet: FakeSheet = {
          sheetId: Math.max(-1, ...spreadsheet.sheets.map((s) => s.sheetId)) + 1,
          title: properties.title,
          rowCount: Number(grid.rowCount ?? 1000),
          columnCount: Number(grid.columnCount ?? 26),
          values: [],
        };
        spreadsheet.sheets.push(sheet);
        replies.push({ addSheet: { properties: { sheetId: sheet.sheetId, title: sheet.title } } });
      } else if (isObject(item.updateCells)) {
        const range = item.updateCells.range;
        const sheet = isObject(range) && spreadsheet.sheets.find((s) => s.sheetId === range.sheetId);
        if (!sheet || item.updateCells.fields !== 'userEnteredValue' || 'rows' in item.updateCells)
          throw invalid('updateCells: only clearing a whole sheet is faked');
        sheet.values = [];
        replies.push({});
      } else if (isObject(item.updateSheetProperties)) {
        const properties = item.updateSheetProperties.properties;
        const sheet =
          isObject(properties) && spreadsheet.sheets.find((s) => s.sheetId === properties.sheetId);
        const grid =
          isObject(properties) && isObject(properties.gridProperties) ? properties.gridProperties : null;
        if (!sheet || !grid || typeof item.updateSheetProperties.fields !== 'string')
          throw invalid('updateSheetProperties needs sheetId, gridProperties and fields');
        sheet.rowCount = Number(grid.rowCount ?? sheet.rowCount);
        sheet.columnCount = Number(grid.columnCount ?? sheet.columnCount);
        replies.push({});
      } else {
        throw invalid(`Request kind not faked: ${Object.keys(item)[0]}`);
      }
    }
    return { spreadsheetId: id, replies };
  }

  private writeValues(id: string, body: unknown) {
    const spreadsheet = this.spreadsheet(id);
    if (!isObject(body)) throw invalid('Body must be an object');
    onlyKeys(body, ['valueInputOption', 'data'], 'batchUpdateValuesRequest');
    if (body.valueInputOption !== 'RAW' && body.valueInputOption !== 'USER_ENTERED')
      throw invalid("Invalid valueInputOption: must be 'RAW' or 'USER_ENTERED'");
    if (!Array.isArray(body.data) || body.data.length === 0) throw invalid('data must be a non-empty list');
    // All checks first: the request is applied whole or not at all, as Sheets does.
    const writes = body.data.map((item: unknown) => {
      if (!isObject(item) || typeof item.range !== 'string' || !Array.isArray(item.values))
        throw invalid('Each data item needs range and values');
      const { parsed, sheet } = this.sheetOf(spreadsheet, item.range);
      const rows = item.values as unknown[];
      if (!rows.every((r) => Array.isArray(r) && r.every(scalar)))
        throw invalid(`values of ${item.range} must be rows of strings, numbers or booleans`);
      const height = rows.length;
      const width = Math.max(0, ...rows.map((r) => (r as unknown[]).length));
      if (height > parsed.r2 - parsed.r1 + 1 || width > parsed.c2 - parsed.c1 + 1)
        throw invalid(`Requested writing within range [${item.range}], but tried writing to more cells`);
      if (parsed.r1 + height - 1 > sheet.rowCount || parsed.c1 + width - 1 > sheet.columnCount)
        throw invalid(
          `Range (${item.range}) exceeds grid limits. Max rows: ${sheet.rowCount}, max columns: ${sheet.columnCount}`,
        );
      return { parsed, sheet, rows: rows as unknown[][] };
    });
    let cells = 0;
    for (const { parsed, sheet, rows } of writes) {
      rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const target = (sheet.values[parsed.r1 - 1 + r] ??= []);
          target[parsed.c1 - 1 + c] = value ?? '';
          cells++;
        }),
      );
    }
    return { spreadsheetId: id, totalUpdatedCells: cells, totalUpdatedRows: writes.length };
  }

  private readValues(id: string, query: URLSearchParams) {
    const spreadsheet = this.spreadsheet(id);
    const ranges = query.getAll('ranges');
    if (ranges.length === 0) throw invalid('ranges is required');
    const render = query.get('valueRenderOption') ?? 'FORMATTED_VALUE';
    if (!['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'].includes(render))
      throw invalid(`Invalid valueRenderOption: ${render}`);
    const major = query.get('majorDimension') ?? 'ROWS';
    if (major !== 'ROWS') throw invalid('Only ROWS is faked');
    return {
      spreadsheetId: id,
      valueRanges: ranges.map((range) => {
        const { parsed, sheet } = this.sheetOf(spreadsheet, range);
        const rows: unknown[][] = [];
        const lastRow = Math.min(parsed.r2, sheet.values.length);
        for (let r = parsed.r1; r <= lastRow; r++) {
          const source = sheet.values[r - 1] ?? [];
          const row: unknown[] = [];
          for (let c = parsed.c1; c <= Math.min(parsed.c2, source.length); c++) {
            const v = source[c - 1];
            row.push(
              v === undefined || v === null || v === ''
                ? ''
                : render === 'FORMATTED_VALUE'
                  ? formatted(v)
                  : v,
            );
          }
          while (row.length > 0 && row[row.length - 1] === '') row.pop();
          rows.push(row);
        }
        while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
        const a1 = `'${sheet.title.replace(/'/g, "''")}'!${range.includes('!') ? range.slice(range.indexOf('!') + 1) : 'A1:Z1000'}`;
        return rows.length > 0
          ? { range: a1, majorDimension: 'ROWS', values: rows }
          : { range: a1, majorDimension: 'ROWS' };
      }),
    };
  }

  private clearValues(id: string, range: string) {
    const spreadsheet = this.spreadsheet(id);
    const { parsed, sheet } = this.sheetOf(spreadsheet, range);
    sheet.values.forEach((row, r) => {
      if (r + 1 < parsed.r1 || r + 1 > parsed.r2) return;
      for (let c = parsed.c1; c <= Math.min(parsed.c2, row.length); c++) row[c - 1] = '';
    });
    return { spreadsheetId: id, clearedRange: range };
  }

  private requireScriptApi(): void {
    if (!this.scriptApiEnabled)
      throw new HttpError(
        403,
        'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.',
        'forbidden',
      );
  }

  private createProject(body: unknown) {
    if (!isObject(body)) throw invalid('Body must be an object');
    onlyKeys(body, ['title', 'parentId'], 'createProjectRequest');
    if (body.title !== undefined && typeof body.title !== 'string') throw invalid('title must be a string');
    if (typeof body.parentId !== 'string' || body.parentId === '') throw invalid('parentId is required here');
    const parent = this.spreadsheets.get(body.parentId);
    if (!parent || parent.access === 'none')
      throw new HttpError(404, 'Requested entity was not found.', 'notFound');
    // unverified: the text for a parent the account may only view (Google's generic 403 text).
    if (parent.access === 'reader')
      throw new HttpError(403, 'The caller does not have permission', 'forbidden');
    const scriptId = this.newId('script');
    this.projects.set(scriptId, { scriptId, title: body.title, parentId: body.parentId, contentUpdates: 0 });
    return { scriptId, title: body.title, parentId: body.parentId, createTime: new Date().toISOString() };
  }

  private updateContent(scriptId: string, body: unknown) {
    const project = this.projects.get(scriptId);
    if (!project) throw new HttpError(404, 'Requested entity was not found.', 'notFound');
    if (!isObject(body)) throw invalid('Body must be an object');
    onlyKeys(body, ['files', 'scriptId'], 'content');
    if (!Array.isArray(body.files) || body.files.length === 0)
      throw invalid('files must be a non-empty list');
    const names = new Set<string>();
    const files = body.files.map((file: unknown) => {
      if (!isObject(file)) throw invalid('Each file must be an object');
      onlyKeys(file, ['name', 'type', 'source'], 'content.files');
      const { name, type, source } = file;
      if (typeof name !== 'string' || name === '' || /\.(js|gs|json|html)$/.test(name))
        throw invalid(`File name must be given without its extension: "${String(name)}"`);
      if (type !== 'SERVER_JS' && type !== 'JSON' && type !== 'HTML')
        throw invalid(`Invalid file type: ${String(type)}`);
      if (typeof source !== 'string') throw invalid(`File ${name} has no source`);
      if (names.has(name)) throw invalid(`Duplicate file name: ${name}`);
      names.add(name);
      return { name, type, source };
    });
    const manifests = files.filter((f) => f.type === 'JSON');
    if (manifests.length !== 1 || manifests[0]!.name !== 'appsscript')
      throw invalid('The project must have exactly one JSON file, the manifest "appsscript"');
    try {
      JSON.parse(manifests[0]!.source);
    } catch {
      throw invalid('The manifest is not valid JSON');
    }
    if (!files.some((f) => f.type === 'SERVER_JS')) throw invalid('The project has no script file');
    project.files = files;
    project.contentUpdates++;
    return { scriptId, files };
  }

  private createPermission(fileId: string, query: URLSearchParams, body: unknown) {
    if (!this.spreadsheets.has(fileId)) throw new HttpError(404, `File not found: ${fileId}.`, 'notFound');
    const notify = query.get('sendNotificationEmail');
    if (notify !== null && notify !== 'true' && notify !== 'false')
      throw invalid(`Invalid value for sendNotificationEmail: ${notify}`);
    if (!isObject(body)) throw invalid('Body must be an object');
    onlyKeys(body, ['type', 'role', 'emailAddress'], 'permission');
    if (body.type !== 'user' && body.type !== 'group')
      throw invalid(`Invalid permission type: ${String(body.type)}`);
    if (!['reader', 'commenter', 'writer'].includes(String(body.role)))
      throw invalid(`Invalid permission role: ${String(body.role)}`);
    if (typeof body.emailAddress !== 'string' || !EMAIL.test(body.emailAddress))
      throw invalid(`Invalid email address: ${String(body.emailAddress)}`);
    const notified = notify !== 'false';
    const message = query.get('emailMessage') ?? undefined;
    if (message !== undefined && !notified)
      throw invalid('emailMessage can only be used with sendNotificationEmail=true');
    const email = body.emailAddress.toLowerCase();
    // Drive keeps one permission per person and file: sharing again updates it.
    const existing = this.permissions.find((p) => p.fileId === fileId && p.emailAddress === email);
    if (existing) {
      existing.role = String(body.role);
      return { kind: 'drive#permission', id: existing.id, type: existing.type, role: existing.role };
    }
    const permission: FakePermission = {
      id: this.newId('perm'),
      fileId,
      type: body.type,
      role: String(body.role),
      emailAddress: email,
      notified,
      ...(message !== undefined ? { emailMessage: message } : {}),
    };
    this.permissions.push(permission);
    return { kind: 'drive#permission', id: permission.id, type: permission.type, role: permission.role };
  }

  private listFiles(query: URLSearchParams) {
    const q = query.get('q') ?? '';
    const match = /^name = '((?:[^'\\]|\\.)*)' and mimeType = '([^']*)' and trashed = false$/.exec(q);
    if (!match)
      throw invalid(
        `Invalid Value: q = ${q} (only "name = '…' and mimeType = '…' and trashed = false" is faked)`,
      );
    const name = match[1]!.replace(/\\(.)/g, '$1');
    if (match[2] !== SPREADSHEET_MIME) return { files: [] };
    const files = this.spreadsheetByTitle(name)
      .sort((a, b) => a.createdTime.localeCompare(b.createdTime))
      .map((s) => ({
        id: s.id,
        name: s.title,
        webViewLink: `https://docs.google.com/spreadsheets/d/${s.id}/edit`,
        createdTime: s.createdTime,
      }));
    return { files };
  }
}
