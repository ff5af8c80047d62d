import fs from 'node:fs';
import path from 'node:path';
import {
  addedScopes,
  addedScopesNotice,
  ENTRY_SCOPES,
  MANIFEST_SCOPES,
  missingScopes,
  missingScopesMessage,
  peopleToReauthorize,
  SCOPE,
  scopeLabel,
} from '../../src/domain/authorization';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the scopes people are asked for', () => {
  it('are the manifest’s, each with a Vietnamese label', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    expect([...MANIFEST_SCOPES]).toEqual([...manifest.oauthScopes].sort());
    for (const scope of MANIFEST_SCOPES) expect(scopeLabel(scope)).not.toBe(scope);
    for (const scopes of Object.values(ENTRY_SCOPES))
      expect(scopes.filter((s) => !MANIFEST_SCOPES.includes(s))).toEqual([]);
  });

  it('missing ones come in the manifest’s order, once each', () => {
    expect(missingScopes([SCOPE.drive, SCOPE.documents, SCOPE.drive], [SCOPE.spreadsheets])).toEqual([
      SCOPE.documents,
      SCOPE.drive,
    ]);
    expect(missingScopes([SCOPE.drive], [SCOPE.drive])).toEqual([]);
  });

  it('a message names the item, each missing permission and what to click, in NFC', () => {
    const text = missingScopesMessage('Tạo báo cáo…', [SCOPE.documents]);
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Để dùng "Tạo báo cáo…", bạn cần cho phép mã của bảng tính:',
      '• Xem và sửa tài liệu Google Tài liệu',
    ]);
    expect(text).toBe(text.normalize('NFC'));
    expect(addedScopesNotice([SCOPE.sendMail])).toBe(addedScopesNotice([SCOPE.sendMail]).normalize('NFC'));
  });
});

describe('after an update', () => {
  it('the added scopes are those the previous Khởi tạo did not note; none when it noted nothing', () => {
    expect(addedScopes(MANIFEST_SCOPES.filter((s) => s !== SCOPE.scriptApp))).toEqual([SCOPE.scriptApp]);
    expect(addedScopes([...MANIFEST_SCOPES])).toEqual([]);
    expect(addedScopes(null)).toEqual([]);
  });

  it('people who have not granted what it added are listed, by email', () => {
    const all = [...MANIFEST_SCOPES];
    const old = all.filter((s) => s !== SCOPE.sendMail);
    expect(
      peopleToReauthorize(
        [
          { email: 'b@x.vn', version: '0.1.0', granted: old },
          { email: 'a@x.vn', version: '0.1.0', granted: old.filter((s) => s !== SCOPE.drive) },
          { email: 'c@x.vn', version: '0.2.0', granted: all },
        ],
        [SCOPE.sendMail],
      ),
    ).toEqual([
      { email: 'a@x.vn', version: '0.1.0', missing: [SCOPE.sendMail] },
      { email: 'b@x.vn', version: '0.1.0', missing: [SCOPE.sendMail] },
    ]);
    expect(peopleToReauthorize([{ email: 'a@x.vn', version: '0.1.0', granted: [] }], [])).toEqual([]);
  });
});
