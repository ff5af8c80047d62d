import { legalTabName, MAX_TAB_NAME, uniqueTabNames, unitTabName } from '../../src/domain/sheetNames';

/** What Excel refuses in a sheet name (exceljs enforces the same when it writes the .xlsx). */
function excelAccepts(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !/^'|'$/.test(name) &&
    // eslint-disable-next-line no-control-regex -- what the name must not hold
    !/[\u0000-\u001f\u007f-\u009f]/.test(name)
  );
}

describe('unitTabName', () => {
  it('keeps the short form of an ordinary unit', () => {
    expect(unitTabName({ ma: 'DK', ten: 'Hội LHPN phường Đại Kim' })).toBe('DK - phường Đại Kim');
  });

  it.each([
    ['Chi hội 1/2: khu [A]', 'CH - Chi hội 1-2- khu (A)'],
    ['Chi hội tổ 5\\6?*', 'CH - Chi hội tổ 5-6'],
    ["'Chi hội Bắc'", 'CH - Chi hội Bắc'],
    ['Chi hội\tdân cư\nsố 3', 'CH - Chi hội dân cư số 3'],
    ['Chi hội phụ nữ khu dân cư số 12 phường Hoàng Văn Thụ', 'CH - Chi hội phụ nữ khu dân cư'],
  ])('makes %j a name Google and Excel accept: %j', (ten, expected) => {
    const name = unitTabName({ ma: 'CH', ten });
    expect(name).toBe(expected);
    expect(excelAccepts(name)).toBe(true);
  });

  it('never ends on an apostrophe, even when cutting leaves one', () => {
    const name = legalTabName(`${'a'.repeat(29)}'b`);
    expect(excelAccepts(name)).toBe(true);
  });
});

describe('uniqueTabNames', () => {
  it('keeps the first of a clash and numbers the others, regardless of case, within the limit', () => {
    const names = uniqueTabNames(['Chi hội 1', 'chi hội 1', 'Chi hội 1', 'X'.repeat(40), 'x'.repeat(40)]);
    expect(names.slice(0, 3)).toEqual(['Chi hội 1', 'chi hội 1 (2)', 'Chi hội 1 (3)']);
    expect(names[3]).toBe('X'.repeat(MAX_TAB_NAME));
    expect(names[4]).toBe(`${'x'.repeat(MAX_TAB_NAME - 4)} (2)`);
    expect(names.every(excelAccepts)).toBe(true);
  });

  it('never takes the name of a fixed tab', () => {
    expect(uniqueTabNames(['Tổng hợp', 'Cấu hình'], ['Tổng hợp', 'Cấu hình'])).toEqual([
      'Tổng hợp (2)',
      'Cấu hình (2)',
    ]);
  });

  it('gives a name to one that would be empty', () => {
    expect(uniqueTabNames(['???', "''"])).toEqual(['Đơn vị', 'Đơn vị (2)']);
  });
});
