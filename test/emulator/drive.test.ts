import { Emulator } from '../../scripts/emulator';
import { isDate } from '../../scripts/emulator/core/context';

const START = new Date('2026-03-02T08:00:00+07:00');
const OWNER = 'chutich@hoilhpn.vn';
const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

function setup() {
  const emu = new Emulator({ now: START, owner: OWNER });
  const DriveApp = emu.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;
  const DocumentApp = emu.globals.DocumentApp as GoogleAppsScript.Document.DocumentApp;
  const Utilities = emu.globals.Utilities as GoogleAppsScript.Utilities.Utilities;
  return { emu, DriveApp, DocumentApp, Utilities };
}

describe('DriveApp: lookup and access', () => {
  test("getFileById / getFolderById: missing, or no access, throw Google's text", () => {
    const { emu, DriveApp } = setup();
    const id = emu.drive.createFile('a.csv', 'x,y', { mimeType: 'text/csv' });
    expect(() => DriveApp.getFileById('nope')).toThrow(NOT_FOUND);
    expect(() => emu.execute(() => DriveApp.getFileById(id), { user: 'khac@gmail.com' })).toThrow(NOT_FOUND);
    expect(() => DriveApp.getFolderById(id)).toThrow(NOT_FOUND);
    expect(emu.execute(() => DriveApp.getFileById(id).getName())).toBe('a.csv');
  });

  test('sharing a folder gives access to the files in it', () => {
    const { emu, DriveApp } = setup();
    const folder = emu.drive.createFolder('Báo cáo 2026');
    const id = emu.drive.createFile('q1.pdf', 'pdf', { mimeType: 'application/pdf', parent: folder });
    const user = 'xa-a@hoilhpn.vn';
    expect(() => emu.execute(() => DriveApp.getFileById(id), { user })).toThrow(NOT_FOUND);
    emu.drive.share(folder, user, 'VIEW');
    expect(emu.execute(() => DriveApp.getFileById(id).getName(), { user })).toBe('q1.pdf');
    expect(() => emu.execute(() => DriveApp.getFileById(id).setName('x'), { user })).toThrow(
      'Access denied: DriveApp.',
    );
  });

  test('the effective user, not the active user, decides access', () => {
    const { emu, DriveApp } = setup();
    const id = emu.drive.createFile('a.txt', 'x', { mimeType: 'text/plain' });
    const name = emu.execute(() => DriveApp.getFileById(id).getName(), {
      user: 'la@gmail.com',
      effectiveUser: OWNER,
    });
    expect(name).toBe('a.txt');
  });
});

describe('Folders and files', () => {
  test('createFolder, createFile in both overloads, iterate children, next past the end throws', () => {
    const { emu, DriveApp, Utilities } = setup();
    emu.execute(() => {
      const root = DriveApp.getRootFolder();
      expect(root.getName()).toBe('My Drive');
      const folder = DriveApp.createFolder('Báo cáo');
      const a = folder.createFile('ghi chú.txt', 'Hội Liên hiệp Phụ nữ');
      const b = folder.createFile(Utilities.newBlob('a,b', 'text/csv', 'so lieu.csv'));
      folder.createFolder('Lưu trữ');
      expect(a.getMimeType()).toBe('text/plain');
      expect(a.getBlob().getDataAsString()).toBe('Hội Liên hiệp Phụ nữ');
      expect(b.getName()).toBe('so lieu.csv');
      expect(b.getSize()).toBe(3);
      const names: string[] = [];
      const files = folder.getFiles();
      while (files.hasNext()) names.push(files.next().getName());
      expect(names).toEqual(['ghi chú.txt', 'so lieu.csv']);
      expect(() => files.next()).toThrow('Cannot retrieve the next object: iterator has reached the end.');
      expect(folder.getFolders().next().getName()).toBe('Lưu trữ');
      expect(folder.getFilesByName('so lieu.csv').hasNext()).toBe(true);
      expect(folder.getFoldersByName('Khác').hasNext()).toBe(false);
      expect(a.getParents().next().getId()).toBe(folder.getId());
      expect(root.getFolders().next().getName()).toBe('Báo cáo');
    });
  });

  test('DriveApp.getFilesByName finds accessible files anywhere, trashed ones included', () => {
    const { emu, DriveApp } = setup();
    emu.execute(() => {
      DriveApp.createFolder('A').createFile('mau.txt', '1');
      DriveApp.createFile('mau.txt', '2').setTrashed(true);
    });
    emu.drive.createFile('mau.txt', '3', { owner: 'khac@hoilhpn.vn' });
    const found = emu.execute(() => {
      const out: boolean[] = [];
      const it = DriveApp.getFilesByName('mau.txt');
      while (it.hasNext()) out.push(it.next().isTrashed());
      return out;
    });
    expect(found).toEqual([false, true]);
    expect(emu.execute(() => DriveApp.getFoldersByName('A').next().getName())).toBe('A');
  });

  test('dates are realm Dates from the emulated clock; setName and setDescription are kept', () => {
    const { emu, DriveApp } = setup();
    const file = emu.execute(() => DriveApp.createFile('a.txt', 'x'));
    emu.ctx.clock.advanceBy(60_000);
    emu.execute(() => file.setName('b.txt').setDescription('mô tả'));
    const created = file.getDateCreated();
    expect(isDate(created)).toBe(true);
    expect(created.getTime()).toBe(START.getTime());
    // createFile took its modelled 1 s before the clock was moved a minute; setName came then.
    expect(file.getLastUpdated().getTime()).toBe(START.getTime() + 1000 + 60_000);
    expect(file.getName()).toBe('b.txt');
    expect(file.getDescription()).toBe('mô tả');
    expect(file.getUrl()).toBe(`https://drive.google.com/file/d/${file.getId()}/view?usp=drivesdk`);
  });

  test('moveTo moves; only the owner can trash', () => {
    const { emu, DriveApp } = setup();
    const [fileId, folderId] = emu.execute(() => {
      const f = DriveApp.createFile('a.txt', 'x');
      const folder = DriveApp.createFolder('Đích');
      f.moveTo(folder).addEditor('pho@hoilhpn.vn');
      return [f.getId(), folder.getId()];
    });
    expect(emu.drive.file(fileId)?.parents).toEqual([folderId]);
    expect(() =>
      emu.execute(() => DriveApp.getFileById(fileId).setTrashed(true), { user: 'pho@hoilhpn.vn' }),
    ).toThrow('Access denied: DriveApp.');
  });
});

describe('makeCopy', () => {
  test('the four overloads name and place the copy; a document copy has the saved content', () => {
    const { emu, DriveApp, DocumentApp } = setup();
    const folder = emu.drive.createFolder('Mẫu');
    const template = emu.documents.create('Mẫu báo cáo', { paragraphs: ['{{don_vi}}'], parents: [folder] });
    emu.execute(() => {
      const file = DriveApp.getFileById(template);
      const dest = DriveApp.createFolder('Đầu ra');
      const c1 = file.makeCopy();
      const c2 = file.makeCopy(dest);
      const c3 = file.makeCopy('Báo cáo xã A');
      const c4 = file.makeCopy('Báo cáo xã B', dest);
      expect([c1.getName(), c2.getName(), c3.getName(), c4.getName()]).toEqual([
        'Copy of Mẫu báo cáo',
        'Copy of Mẫu báo cáo',
        'Báo cáo xã A',
        'Báo cáo xã B',
      ]);
      expect(c1.getParents().next().getId()).toBe(folder);
      expect(c4.getParents().next().getId()).toBe(dest.getId());
      expect(c4.getMimeType()).toBe('application/vnd.google-apps.document');
      const doc = DocumentApp.openById(c4.getId());
      doc.getBody().replaceText('\\{\\{don_vi\\}\\}', 'Xã B');
      expect(doc.getBody().getText()).toBe('Xã B');
      expect(DocumentApp.openById(template).getBody().getText()).toBe('{{don_vi}}');
      expect(() => (file.makeCopy as (...a: unknown[]) => unknown)(dest, 'x')).toThrow(
        "The parameters (Folder,String) don't match the method signature for DriveApp.File.makeCopy.",
      );
    });
  });
});

describe('Sharing', () => {
  test('addEditor promotes a viewer; addViewer leaves an editor; each new role sends one notification', () => {
    const { emu, DriveApp } = setup();
    const id = emu.documents.create('Báo cáo');
    emu.execute(() => {
      const f = DriveApp.getFileById(id);
      f.addViewer('a@hoilhpn.vn').addEditor('a@hoilhpn.vn').addViewer('a@hoilhpn.vn');
      f.addViewers(['b@gmail.com', 'c@hoilhpn.vn']).addCommenter('b@gmail.com');
      expect(f.getEditors().map((u) => u.getEmail())).toEqual([OWNER, 'a@hoilhpn.vn']);
      expect(f.getViewers().map((u) => u.getEmail())).toEqual([
        OWNER,
        'a@hoilhpn.vn',
        'b@gmail.com',
        'c@hoilhpn.vn',
      ]);
      expect(f.getAccess('a@hoilhpn.vn')).toBe(DriveApp.Permission.EDIT);
      expect(f.getAccess('b@gmail.com')).toBe(DriveApp.Permission.COMMENT);
      expect(f.getAccess(OWNER)).toBe(DriveApp.Permission.OWNER);
      expect(f.getAccess('z@hoilhpn.vn')).toBe(DriveApp.Permission.NONE);
      f.removeViewer('c@hoilhpn.vn').removeViewer('a@hoilhpn.vn').removeEditor('a@hoilhpn.vn');
      expect(f.getViewers()).toHaveLength(2);
      expect(() => f.addEditor('không phải email')).toThrow('Invalid argument: permission.value');
    });
    expect(emu.drive.notifications().map((n) => `${n.to}:${n.role}`)).toEqual([
      'a@hoilhpn.vn:VIEW',
      'a@hoilhpn.vn:EDIT',
      'b@gmail.com:VIEW',
      'c@hoilhpn.vn:VIEW',
      'b@gmail.com:COMMENT',
    ]);
    expect(emu.drive.notifications()[0]!.from).toBe(OWNER);
  });

  test('setSharing: link classes, the domain class for Workspace only, owner classes refused', () => {
    const { emu, DriveApp } = setup();
    emu.execute(() => {
      const f = DriveApp.createFile('a.txt', 'x');
      f.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.VIEW);
      expect(f.getSharingAccess()).toBe(DriveApp.Access.DOMAIN_WITH_LINK);
      expect(f.getSharingPermission()).toBe(DriveApp.Permission.VIEW);
      expect(() => f.setSharing(DriveApp.Access.ANYONE, DriveApp.Permission.OWNER)).toThrow(
        'Invalid argument: permissionType',
      );
    });
    expect(emu.drive.notifications()).toEqual([]);
    // Same domain now reads it; another domain does not.
    const id = emu.drive.byName('a.txt')[0]!.id;
    expect(emu.execute(() => DriveApp.getFileById(id).getName(), { user: 'xa@hoilhpn.vn' })).toBe('a.txt');
    expect(() => emu.execute(() => DriveApp.getFileById(id), { user: 'xa@gmail.com' })).toThrow(NOT_FOUND);

    const consumer = new Emulator({ now: START, owner: 'chutich@gmail.com' });
    const ConsumerDrive = consumer.globals.DriveApp as GoogleAppsScript.Drive.DriveApp;
    consumer.execute(() => {
      const f = ConsumerDrive.createFile('a.txt', 'x');
      expect(() => f.setSharing(ConsumerDrive.Access.DOMAIN, ConsumerDrive.Permission.VIEW)).toThrow(
        'Invalid argument: accessType',
      );
      f.setSharing(ConsumerDrive.Access.ANYONE_WITH_LINK, ConsumerDrive.Permission.VIEW);
    });
  });
});

describe('getAs and getBlob', () => {
  test('a Document exports as a real PDF named by the extension rule, and counts a conversion', () => {
    const { emu, DriveApp, DocumentApp } = setup();
    const blob = emu.execute(() => {
      const doc = DocumentApp.create('Báo cáo Quý 1.2026');
      doc.getBody().appendParagraph('BÁO CÁO');
      doc.saveAndClose();
      return DriveApp.getFileById(doc.getId()).getAs('application/pdf');
    });
    expect(blob.getName()).toBe('Báo cáo Quý 1.pdf');
    expect(blob.getContentType()).toBe('application/pdf');
    expect(Buffer.from(blob.getBytes()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(emu.drive.conversions()).toBe(1);
  });

  test('without saveAndClose, Drive exports the last saved version', () => {
    const { emu, DriveApp, DocumentApp } = setup();
    const id = emu.documents.create('Mẫu', { paragraphs: ['cũ'] });
    emu.execute(() => {
      DocumentApp.openById(id).getBody().setText('mới và dài hơn nhiều');
      const file = DriveApp.getFileById(id);
      // The saved version rendered at the instant of the export (a PDF carries its creation time).
      const saved = emu.documents.pdf(id);
      const pending = emu.documents.text(id);
      const pdf = file.getBlob();
      expect(pending).toBe('mới và dài hơn nhiều');
      expect(pdf.getContentType()).toBe('application/pdf');
      expect(Buffer.from(pdf.getBytes()).equals(saved)).toBe(true);
    });
    expect(emu.documents.savedText(id)).toBe('mới và dài hơn nhiều');
  });

  test("unsupported conversions throw Google's text; unemulated members throw Not emulated", () => {
    const { emu, DriveApp } = setup();
    const docId = emu.documents.create('Mẫu');
    emu.execute(() => {
      const doc = DriveApp.getFileById(docId);
      expect(() => doc.getAs('image/png')).toThrow(
        'Converting from application/vnd.google-apps.document to image/png is not supported.',
      );
      expect(() => doc.setOwner('a@hoilhpn.vn')).toThrow('Not emulated: File.setOwner');
      expect(() => DriveApp.searchFiles('title = "x"')).toThrow('Not emulated: DriveApp.searchFiles');
    });
  });
});
