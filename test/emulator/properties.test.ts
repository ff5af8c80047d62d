import { Emulator } from '../../scripts/emulator';
import { newEmulator, OWNER } from './support';

function setup() {
  const emu = newEmulator();
  const PropertiesService = emu.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
  return { emu, PropertiesService };
}

describe('PropertiesService', () => {
  test('values are stored as strings; a missing key is null; setters chain', () => {
    const { emu, PropertiesService } = setup();
    emu.execute(() => {
      const props = PropertiesService.getScriptProperties();
      props.setProperty('quarter', 3 as unknown as string).setProperty('open', true as unknown as string);
      expect(props.getProperty('quarter')).toBe('3');
      expect(props.getProperty('open')).toBe('true');
      expect(props.getProperty('missing')).toBeNull();
      expect(props.getKeys().sort()).toEqual(['open', 'quarter']);
    });
  });

  test('getProperties returns a copy, not a live view', () => {
    const { emu, PropertiesService } = setup();
    emu.execute(() => {
      const props = PropertiesService.getScriptProperties();
      props.setProperty('a', '1');
      const copy = props.getProperties();
      copy.a = 'changed';
      props.setProperty('b', '2');
      expect(copy).toEqual({ a: 'changed' });
      expect(props.getProperty('a')).toBe('1');
    });
  });

  test('setProperties merges, or replaces everything with deleteAllOthers; deletes work', () => {
    const { emu, PropertiesService } = setup();
    emu.execute(() => {
      const props = PropertiesService.getDocumentProperties();
      props.setProperties({ a: '1', b: '2' });
      props.setProperties({ c: 3 } as unknown as Record<string, string>);
      expect(props.getProperties()).toEqual({ a: '1', b: '2', c: '3' });
      props.setProperties({ d: '4' }, true);
      expect(props.getProperties()).toEqual({ d: '4' });
      props.setProperties({ e: '5' }).deleteProperty('d');
      expect(props.getProperties()).toEqual({ e: '5' });
      props.deleteAllProperties();
      expect(props.getKeys()).toEqual([]);
    });
  });

  test('user properties belong to the account running the code', () => {
    const { emu, PropertiesService } = setup();
    emu.execute(() => PropertiesService.getUserProperties().setProperty('unit', 'Phường Tương Mai'));
    const other = emu.execute(() => PropertiesService.getUserProperties().getProperty('unit'), {
      user: 'thuky@hoilhpn.vn',
    });
    expect(other).toBeNull();
    expect(emu.properties.read('user', OWNER)).toEqual({ unit: 'Phường Tương Mai' });
  });

  test('a value over 9 KB and a store over 500 KB are refused, and nothing is half-written', () => {
    const { emu, PropertiesService } = setup();
    emu.execute(() => {
      const props = PropertiesService.getScriptProperties();
      expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
      // Vietnamese text counts in UTF-8 bytes: 'ệ' is 3 bytes.
      expect(() => props.setProperty('big', 'ệ'.repeat(3100))).toThrow('Argument too large: value');
      const chunk = 'x'.repeat(9000);
      for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, chunk);
      expect(() => props.setProperties({ a: chunk, b: chunk })).toThrow(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
      expect(props.getProperty('a')).toBeNull();
      expect(props.getKeys()).toHaveLength(56);
    });
  });

  test('the driver can seed and read stores; stores survive a snapshot', () => {
    const { emu, PropertiesService } = setup();
    emu.properties.seed('script', { rootFolderId: 'folder-1' });
    emu.execute(() => PropertiesService.getScriptProperties().setProperty('quarter', '2026-Q1'));
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.properties.read('script')).toEqual({ rootFolderId: 'folder-1', quarter: '2026-Q1' });
    const Restored = restored.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService;
    expect(restored.execute(() => Restored.getScriptProperties().getProperty('quarter'))).toBe('2026-Q1');
  });

  test('members not emulated throw Not emulated', () => {
    const { PropertiesService } = setup();
    const service = PropertiesService as unknown as Record<string, () => void>;
    expect(() => service.getScriptLock!()).toThrow('Not emulated: PropertiesService.getScriptLock');
  });
});
