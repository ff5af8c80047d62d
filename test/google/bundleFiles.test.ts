import fs from 'node:fs';
import path from 'node:path';
import { readBundle } from '../../scripts/google/bundleFiles';
import { UserError } from '../../scripts/google/errors';
import { tempDir } from './support';

describe('the bundle as the Apps Script API takes it', () => {
  it('is every file of dist/, named without extension, typed by extension, the manifest first', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'Code.js'), 'function onOpen() {}');
    fs.writeFileSync(path.join(dir, 'appsscript.json'), '{"timeZone":"Asia/Ho_Chi_Minh"}');
    fs.writeFileSync(path.join(dir, 'ImportDialog.html'), '<p>x</p>');
    const bundle = readBundle(dir);
    expect(bundle.files).toEqual([
      { name: 'appsscript', type: 'JSON', source: '{"timeZone":"Asia/Ho_Chi_Minh"}' },
      { name: 'Code', type: 'SERVER_JS', source: 'function onOpen() {}' },
      { name: 'ImportDialog', type: 'HTML', source: '<p>x</p>' },
    ]);
    expect(bundle.hash).toMatch(/^[0-9a-f]{16}$/);
    fs.writeFileSync(path.join(dir, 'Code.js'), 'function onOpen() { return 1; }');
    expect(readBundle(dir).hash).not.toBe(bundle.hash);

    fs.writeFileSync(path.join(dir, 'notes.txt'), '');
    expect(() => readBundle(dir)).toThrow(
      new UserError(`Tệp "notes.txt" trong "${dir}" không phải .js, .json hay .html.`),
    );
    fs.rmSync(dir, { recursive: true });
    expect(() => readBundle(dir)).toThrow(/chưa có bản dựng .*npm run build/);
  });
});
