import { Emulator } from '../../scripts/emulator';
import { newEmulator, OWNER, START } from './support';

const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

function setup() {
  const emu = newEmulator();
  const LockService = emu.globals.LockService as GoogleAppsScript.Lock.LockService;
  return { emu, LockService };
}

describe('LockService', () => {
  test('a lock is not held until tryLock, and is released by releaseLock', () => {
    const { emu, LockService } = setup();
    emu.execute(() => {
      const lock = LockService.getScriptLock();
      expect(lock.hasLock()).toBe(false);
      expect(lock.tryLock(1000)).toBe(true);
      expect(lock.hasLock()).toBe(true);
      expect(lock.tryLock(1000)).toBe(true); // no effect when already held
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
      lock.releaseLock(); // no effect when not held
    });
    expect(emu.lock.holder()).toBeNull();
  });

  test('the lock is released when the execution ends, even by an exception', () => {
    const { emu, LockService } = setup();
    expect(() =>
      emu.execute(() => {
        LockService.getScriptLock().waitLock(1000);
        expect(emu.lock.holder()).toEqual(expect.objectContaining({ kind: 'execution', user: OWNER }));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(emu.lock.holder()).toBeNull();
  });

  test('an overlapping execution waits out its timeout, then waitLock throws and tryLock is false', () => {
    const { emu, LockService } = setup();
    // Besides the waits, each call takes its modelled time: getScriptLock 1 ms, tryLock/waitLock 100 ms.
    emu.execute(() => {
      LockService.getScriptLock().waitLock(10_000);
      const held = START.getTime() + 1 + 100;
      emu.execute(() => {
        expect(LockService.getScriptLock().tryLock(5000)).toBe(false);
        expect(emu.now().getTime()).toBe(held + 1 + 5000 + 100);
        expect(() => LockService.getScriptLock().waitLock(30_000)).toThrow(TIMEOUT);
        expect(emu.now().getTime()).toBe(held + 1 + 5000 + 100 + 1 + 30_000 + 100);
      });
    });
  });

  test('a simulated holder expiring within the timeout is waited out; a longer one times out', () => {
    const { emu, LockService } = setup();
    emu.lock.holdScriptLock(START.getTime() + 20_000, 'sendQuarterSummary');
    expect(emu.lock.holder()).toEqual({
      kind: 'simulated',
      label: 'sendQuarterSummary',
      until: START.getTime() + 20_000,
    });
    // getScriptLock takes 1 ms and tryLock/waitLock 100 ms besides the waits.
    expect(() => emu.execute(() => LockService.getScriptLock().waitLock(10_000))).toThrow(TIMEOUT);
    expect(emu.now().getTime()).toBe(START.getTime() + 1 + 10_000 + 100);
    const got = emu.execute(() => LockService.getScriptLock().tryLock(30_000));
    expect(got).toBe(true);
    // Waited until the holder let go at +20 s, then the call's own 100 ms.
    expect(emu.now().getTime()).toBe(START.getTime() + 20_000 + 100);
  });

  test('releaseSimulated frees the lock at once', () => {
    const { emu, LockService } = setup();
    emu.lock.holdScriptLock(START.getTime() + 3600_000);
    emu.lock.releaseSimulated();
    expect(emu.execute(() => LockService.getScriptLock().tryLock(0))).toBe(true);
    // No wait: only the calls' modelled time (getScriptLock 1 ms, tryLock 100 ms).
    expect(emu.now().getTime()).toBe(START.getTime() + 1 + 100);
  });

  test('a second Lock object in the same execution is not re-entrant: it waits for the first', () => {
    const { emu, LockService } = setup();
    emu.execute(() => {
      const first = LockService.getScriptLock();
      first.waitLock(1000);
      expect(() => LockService.getScriptLock().waitLock(1000)).toThrow(TIMEOUT);
      first.releaseLock();
      expect(LockService.getScriptLock().tryLock(1000)).toBe(true);
    });
  });

  test('script, document and user locks are independent; user locks are per user', () => {
    const { emu, LockService } = setup();
    emu.execute(() => {
      LockService.getScriptLock().waitLock(1000);
      expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
      expect(LockService.getUserLock().tryLock(0)).toBe(true);
      emu.execute(() => expect(LockService.getUserLock().tryLock(0)).toBe(true), {
        user: 'thuky@hoilhpn.vn',
      });
      emu.execute(() => expect(LockService.getUserLock().tryLock(0)).toBe(false));
    });
  });

  test('a simulated holder survives a snapshot', () => {
    const { emu } = setup();
    emu.lock.holdScriptLock(START.getTime() + 60_000, 'other run');
    const restored = new Emulator({ state: emu.snapshot() });
    expect(restored.lock.holder()).toEqual({
      kind: 'simulated',
      label: 'other run',
      until: START.getTime() + 60_000,
    });
  });

  test('members not emulated throw Not emulated', () => {
    const { LockService } = setup();
    const lock = LockService.getScriptLock() as unknown as Record<string, () => void>;
    expect(() => lock.tryLockFor!()).toThrow('Not emulated: Lock.tryLockFor');
  });
});
