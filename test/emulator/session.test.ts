import { newEmulator, OWNER } from './support';

function setup(owner = OWNER) {
  const emu = newEmulator(owner);
  const Session = emu.globals.Session as GoogleAppsScript.Base.Session;
  return { emu, Session };
}

describe('Session', () => {
  test('a person running the script sees themselves as active and effective user', () => {
    const { emu, Session } = setup();
    const seen = emu.execute(
      () => [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()],
      {
        user: 'canbo@gmail.com',
        kind: 'menu',
      },
    );
    expect(seen).toEqual(['canbo@gmail.com', 'canbo@gmail.com']);
  });

  test('in a simple trigger, a person of the owner’s Workspace domain is known, an outsider is not', () => {
    const { emu, Session } = setup();
    const asSimple = (user: string) =>
      emu.execute(() => Session.getActiveUser().getEmail(), {
        user,
        kind: 'simpleTrigger',
        authMode: 'LIMITED',
      });
    expect(asSimple('thuky@hoilhpn.vn')).toBe('thuky@hoilhpn.vn');
    expect(asSimple('canbo@gmail.com')).toBe('');
    expect(asSimple(OWNER)).toBe(OWNER);
  });

  test('with a consumer owner, other consumer accounts stay anonymous', () => {
    const { emu, Session } = setup('hoiphunu.hm@gmail.com');
    const active = emu.execute(() => Session.getActiveUser().getEmail(), {
      user: 'canbo@gmail.com',
      kind: 'simpleTrigger',
      authMode: 'LIMITED',
    });
    expect(active).toBe('');
  });

  test('time zone, locale and a stable temporary key', () => {
    const { emu, Session } = setup();
    expect(Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(Session.getActiveUserLocale()).toBe('vi');
    const key = (user: string) => emu.execute(() => Session.getTemporaryActiveUserKey(), { user });
    expect(key('a@hoilhpn.vn')).toBe(key('a@hoilhpn.vn'));
    expect(key('a@hoilhpn.vn')).not.toBe(key('b@hoilhpn.vn'));
    expect(key('a@hoilhpn.vn')).not.toContain('hoilhpn');
  });

  test('members not emulated throw Not emulated', () => {
    const { Session } = setup();
    expect(() => (Session as unknown as Record<string, () => void>).getTimeZone!()).toThrow(
      'Not emulated: Session.getTimeZone',
    );
  });
});
