import { Emulator } from '../../scripts/emulator';
import { newEmulator } from './support';

function setup() {
  const emu = newEmulator();
  const CacheService = emu.globals.CacheService as GoogleAppsScript.Cache.CacheService;
  return { emu, CacheService };
}

describe('CacheService', () => {
  test('put/get with the default 600 s expiry on the emulated clock', () => {
    const { emu, CacheService } = setup();
    emu.execute(() => CacheService.getScriptCache().put('units', '["A","B"]'));
    emu.ctx.clock.advanceBy(599_000);
    expect(emu.execute(() => CacheService.getScriptCache().get('units'))).toBe('["A","B"]');
    emu.ctx.clock.advanceBy(1000);
    expect(emu.execute(() => CacheService.getScriptCache().get('units'))).toBeNull();
  });

  test('an expiry above 6 hours is held to 21,600 s; values are coerced to strings', () => {
    const { emu, CacheService } = setup();
    emu.execute(() => CacheService.getScriptCache().put('n', 42 as unknown as string, 100_000));
    emu.ctx.clock.advanceBy(21_599_000);
    expect(emu.execute(() => CacheService.getScriptCache().get('n'))).toBe('42');
    emu.ctx.clock.advanceBy(1000);
    expect(emu.execute(() => CacheService.getScriptCache().get('n'))).toBeNull();
  });

  test('putAll/getAll return only keys found; remove and removeAll delete', () => {
    const { emu, CacheService } = setup();
    emu.execute(() => {
      const cache = CacheService.getDocumentCache()!;
      cache.putAll({ a: '1', b: '2', c: '3' }, 60);
      expect(cache.getAll(['a', 'c', 'zzz'])).toEqual({ a: '1', c: '3' });
      cache.remove('a');
      cache.removeAll(['b', 'nope']);
      expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
    });
  });

  test('a key over 250 characters and a value over 100 KB throw', () => {
    const { emu, CacheService } = setup();
    emu.execute(() => {
      const cache = CacheService.getScriptCache();
      expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
      expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
      cache.put('k'.repeat(250), 'v'.repeat(100 * 1024));
      expect(cache.get('k'.repeat(250))).toHaveLength(100 * 1024);
    });
  });

  test('over 1,000 items the cache keeps the 900 farthest from expiration', () => {
    const { emu, CacheService } = setup();
    emu.execute(() => {
      const cache = CacheService.getScriptCache();
      cache.put('long-lived', 'x', 21_600);
      const many: Record<string, string> = {};
      for (let i = 0; i < 1000; i++) many[`item${i}`] = String(i);
      cache.putAll(many, 600);
    });
    const left = emu.cache.read('script');
    expect(Object.keys(left)).toHaveLength(900);
    expect(left['long-lived']).toBe('x');
  });

  test('user caches are per account; the script cache is shared', () => {
    const { emu, CacheService } = setup();
    emu.execute(() => {
      CacheService.getUserCache()!.put('draft', 'owner');
      CacheService.getScriptCache().put('shared', 'yes');
    });
    const other = emu.execute(
      () => [CacheService.getUserCache()!.get('draft'), CacheService.getScriptCache().get('shared')],
      { user: 'thuky@hoilhpn.vn' },
    );
    expect(other).toEqual([null, 'yes']);
  });

  test('cache entries survive a snapshot with their expiry', () => {
    const { emu, CacheService } = setup();
    emu.execute(() => CacheService.getScriptCache().put('k', 'v', 60));
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.cache.read('script')).toEqual({ k: 'v' });
    restored.ctx.clock.advanceBy(60_000);
    expect(restored.cache.read('script')).toEqual({});
  });

  test('members not emulated throw Not emulated', () => {
    const { CacheService } = setup();
    const cache = CacheService.getScriptCache() as unknown as Record<string, () => void>;
    expect(() => cache.getKeys!()).toThrow('Not emulated: Cache.getKeys');
  });
});
