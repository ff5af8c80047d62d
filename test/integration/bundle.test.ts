import fs from 'node:fs';
import path from 'node:path';
import * as main from '../../src/main';
import { DIST, loadProduct, ROOT } from '../support/product';

const STABLE_NAMES = [
  'onOpen',
  'onEdit',
  'setUpWorkbook',
  'rollUp',
  'checkData',
  'createReport',
  'installSchedules',
  'removeSchedules',
  'sendQuarterSummary',
  'remindLateUnits',
  'importCsv',
  'importTargets',
];

describe('the built bundle', () => {
  const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');

  it('exposes every export of main.ts as a global function when loaded with gas-local', () => {
    const emu = loadProduct();
    const exported = Object.keys(main);
    expect(exported).toEqual(expect.arrayContaining(STABLE_NAMES));
    for (const name of exported) expect(typeof emu.sandbox[name]).toBe('function');
  });

  it('declares the entry points as plain top-level functions, which is what Apps Script lists', () => {
    for (const name of Object.keys(main))
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\) \\{$`, 'm'));
  });

  it('contains no import or export statement', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('passes arguments through the wrapper to the entry point', () => {
    const emu = loadProduct();
    expect(() => emu.run('setUpWorkbook', [{ cap: 'quan' }])).toThrow(
      /Cấu hình không hợp lệ: .*"cap" phải là một trong/,
    );
  });
});

describe('deployment files', () => {
  it('the build output holds the manifest; the project files npm run deploy writes stay out of git', () => {
    expect(fs.existsSync(path.join(DIST, 'appsscript.json'))).toBe(true);
    // A script id written locally must never stand in the way of git pull (test/google/deploy.test.ts).
    const ignored = fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['.clasp.json', '.clasp.prod.json']));
  });

  it('the manifest asks for V8, the Vietnam time zone, Stackdriver logging and explicit minimal scopes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as {
      runtimeVersion: string;
      timeZone: string;
      exceptionLogging: string;
      oauthScopes: string[];
    };
    expect(manifest).toMatchObject({
      runtimeVersion: 'V8',
      timeZone: 'Asia/Ho_Chi_Minh',
      exceptionLogging: 'STACKDRIVER',
    });
    const scopes = manifest.oauthScopes.map((s) => s.replace('https://www.googleapis.com/auth/', ''));
    expect(scopes.sort()).toEqual(
      [
        'documents',
        'drive',
        'script.container.ui',
        'script.scriptapp',
        'script.send_mail',
        'spreadsheets',
        'userinfo.email',
      ].sort(),
    );
    expect(manifest.oauthScopes).not.toContain('https://mail.google.com/');
  });

  it('the manifest enables the advanced services the product calls: Sheets v4 and Docs v1', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as {
      dependencies: { enabledAdvancedServices: unknown[] };
    };
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
      { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
    ]);
  });
});
