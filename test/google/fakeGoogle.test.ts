/**
 * The fake Google refuses what Google would refuse. The provisioning tests assert it rejected
 * nothing, so these checks are what proves the client sends the right method, path, auth and shape.
 */
import { describeError, httpStatus } from '../../scripts/google/retry';
import { FakeGoogle, parseRange } from './fakeGoogle';
import { fakeApis } from './support';

let fake: FakeGoogle;

beforeEach(async () => {
  fake = await FakeGoogle.start();
});

afterEach(async () => {
  await fake.close();
});

async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return `${httpStatus(error)} ${describeError(error)}`;
  }
  throw new Error('expected the request to be refused');
}

describe('the fake Google', () => {
  it('refuses a request without the bearer token, and an unknown endpoint', async () => {
    const apis = fakeApis(fake, 'wrong-token');
    expect(
      await failure(apis.sheets.spreadsheets.create({ requestBody: { properties: { title: 'x' } } })),
    ).toBe('401 HTTP 401 (unauthorized): Request is missing required authentication credential.');
    const good = fakeApis(fake);
    expect(await failure(good.script.projects.get({ scriptId: 'abc' }))).toMatch(
      /^404 .*No such endpoint: GET \/v1\/projects\/abc$/,
    );
    expect(fake.rejected).toHaveLength(2);
  });

  it('checks the shape of what is created, uploaded and shared', async () => {
    const apis = fakeApis(fake);
    expect(await failure(apis.sheets.spreadsheets.create({ requestBody: { properties: {} } }))).toBe(
      '400 HTTP 400 (badRequest): properties.title is required',
    );
    const created = await apis.sheets.spreadsheets.create({
      requestBody: { properties: { title: 'Báo cáo' }, sheets: [{ properties: { title: 'Cấu hình' } }] },
    });
    const spreadsheetId = created.data.spreadsheetId!;
    expect(
      await failure(
        apis.sheets.spreadsheets.values.batchUpdate({
          spreadsheetId,
          requestBody: { data: [{ range: "'Cấu hình'!A1:B1", values: [['a', 'b']] }] },
        }),
      ),
    ).toMatch(/Invalid valueInputOption/);
    expect(
      await failure(
        apis.sheets.spreadsheets.values.batchUpdate({
          spreadsheetId,
          requestBody: {
            valueInputOption: 'RAW',
            data: [{ range: "'Cấu hình'!A1:B1", values: [['a', 'b', 'c']] }],
          },
        }),
      ),
    ).toMatch(/tried writing to more cells/);
    expect(
      await failure(apis.sheets.spreadsheets.values.batchGet({ spreadsheetId, ranges: ["'Lưu trữ'!A:D"] })),
    ).toBe("400 HTTP 400 (badRequest): Unable to parse range: 'Lưu trữ'!A:D");

    const project = await apis.script.projects.create({
      requestBody: { title: 'x', parentId: spreadsheetId },
    });
    const scriptId = project.data.scriptId!;
    const manifest = { name: 'appsscript', type: 'JSON', source: '{"timeZone":"Asia/Ho_Chi_Minh"}' };
    for (const [files, message] of [
      [[manifest, { name: 'Code.js', type: 'SERVER_JS', source: '' }], /without its extension: "Code.js"/],
      [[manifest, { name: 'Code', type: 'JS', source: '' }], /Invalid file type: JS/],
      [[{ name: 'Code', type: 'SERVER_JS', source: '' }], /exactly one JSON file, the manifest "appsscript"/],
    ] as const) {
      expect(
        await failure(apis.script.projects.updateContent({ scriptId, requestBody: { files: [...files] } })),
      ).toMatch(message);
    }
    expect(await failure(apis.script.projects.create({ requestBody: { title: 'x' } }))).toMatch(
      /parentId is required/,
    );

    // The last one is what a typo would send; the client's types would not let it through.
    for (const [body, message] of [
      [{ type: 'user', role: 'editor', emailAddress: 'a@x.vn' }, /Invalid permission role: editor/],
      [{ type: 'user', role: 'writer', emailAddress: 'a' }, /Invalid email address: a/],
      [{ type: 'user', role: 'writer', email: 'a@x.vn' } as Record<string, string>, /Unknown name "email"/],
    ] as const) {
      expect(
        await failure(
          apis.drive.permissions.create({
            fileId: spreadsheetId,
            sendNotificationEmail: false,
            requestBody: body,
          }),
        ),
      ).toMatch(message);
    }
    expect(
      await failure(
        apis.drive.permissions.create({
          fileId: spreadsheetId,
          sendNotificationEmail: false,
          emailMessage: 'xin chào',
          requestBody: { type: 'user', role: 'writer', emailAddress: 'a@x.vn' },
        }),
      ),
    ).toMatch(/emailMessage can only be used with sendNotificationEmail=true/);
    expect(fake.rejected).toHaveLength(12);
    expect(fake.permissions).toEqual([]);
  });

  it('answers like Sheets: numbers unformatted on request, trailing empty cells left out', async () => {
    const apis = fakeApis(fake);
    const id = fake.addSpreadsheet('x', { T: [['a', 1, true, ''], [''], [], ['b', 2.5]] });
    const unformatted = await apis.sheets.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ['T!A:D', "'T'!B1:C1"],
      valueRenderOption: 'UNFORMATTED_VALUE',
    });
    expect(unformatted.data.valueRanges!.map((r) => r.values)).toEqual([
      [['a', 1, true], [], [], ['b', 2.5]],
      [[1, true]],
    ]);
    const formatted = await apis.sheets.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ['T!A1:C1'],
    });
    expect(formatted.data.valueRanges![0]!.values).toEqual([['a', '1', 'TRUE']]);
  });

  it('keeps one Drive permission per person and file, as Drive does', async () => {
    const apis = fakeApis(fake);
    const id = fake.addSpreadsheet('x', { T: [] });
    const share = () =>
      apis.drive.permissions.create({
        fileId: id,
        sendNotificationEmail: false,
        requestBody: { type: 'user', role: 'writer', emailAddress: 'A@x.vn' },
      });
    const first = await share();
    const second = await share();
    expect(second.data.id).toBe(first.data.id);
    expect(fake.permissions).toEqual([expect.objectContaining({ emailAddress: 'a@x.vn', notified: false })]);
  });

  it('parses A1 ranges with quoted tab names', () => {
    expect(parseRange("'Lưu trữ'!A:D")).toEqual({ sheet: 'Lưu trữ', r1: 1, c1: 1, r2: Infinity, c2: 4 });
    expect(parseRange("'It''s'!B2:C10")).toEqual({ sheet: "It's", r1: 2, c1: 2, r2: 10, c2: 3 });
    expect(parseRange('T!A1')).toEqual({ sheet: 'T', r1: 1, c1: 1, r2: 1, c2: 1 });
    expect(parseRange("'Tổng hợp 2026-H1'")).toEqual({
      sheet: 'Tổng hợp 2026-H1',
      r1: 1,
      c1: 1,
      r2: Infinity,
      c2: Infinity,
    });
  });
});
