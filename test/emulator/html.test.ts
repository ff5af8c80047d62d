import { Emulator } from '../../scripts/emulator';

function setup() {
  const emu = new Emulator({ now: new Date('2026-03-02T08:00:00+07:00'), owner: 'chutich@hoilhpn.vn' });
  const HtmlService = emu.globals.HtmlService as GoogleAppsScript.HTML.HtmlService;
  return { emu, HtmlService };
}

describe('HtmlService', () => {
  test('templates: <?= ?> escapes, <?!= ?> is raw, <? ?> runs code; assigned properties are variables', () => {
    const { HtmlService } = setup();
    const t = HtmlService.createTemplate(
      '<h1><?= title ?></h1><? for (const u of units) { ?><li><?= u ?></li><? } ?><?!= raw ?>',
    ) as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    t.title = 'Báo cáo <Quý 1> & "2026"';
    t.units = ['Xã A', 'Xã B'];
    t.raw = '<b>đậm</b>';
    expect(t.evaluate().getContent()).toBe(
      '<h1>Báo cáo &lt;Quý 1&gt; &amp; &quot;2026&quot;</h1><li>Xã A</li><li>Xã B</li><b>đậm</b>',
    );
  });

  test('template code runs in the product realm and sees its globals', () => {
    const { emu, HtmlService } = setup();
    emu.sandbox.include = (name: string) => `[${name}]`;
    const t = HtmlService.createTemplate('<?!= include("css") ?><?= new Date().getFullYear() ?>');
    expect(t.evaluate().getContent()).toBe('[css]2026');
    expect(t.getCode()).toContain('include("css")');
  });

  test("files come from the project; a missing one throws Google's text", () => {
    const { emu, HtmlService } = setup();
    emu.html.setFile('Dialog', '<p><?= ten ?></p>');
    expect(HtmlService.createHtmlOutputFromFile('Dialog').getContent()).toBe('<p><?= ten ?></p>');
    const t = HtmlService.createTemplateFromFile('Dialog') as GoogleAppsScript.HTML.HtmlTemplate &
      Record<string, unknown>;
    t.ten = 'Hội';
    expect(t.evaluate().getContent()).toBe('<p>Hội</p>');
    expect(() => HtmlService.createTemplateFromFile('Khac')).toThrow('No HTML file named Khac was found.');
  });

  test('HtmlOutput: content, untrusted append, title, size, modes, blob, PDF', () => {
    const { HtmlService } = setup();
    const out = HtmlService.createHtmlOutput('<p>a</p>')
      .append('<p>b</p>')
      .appendUntrusted('<script>x</script>')
      .setTitle('Nộp báo cáo')
      .setWidth(600)
      .setHeight(400)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getContent()).toBe('<p>a</p><p>b</p>&lt;script&gt;x&lt;/script&gt;');
    expect([out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['Nộp báo cáo', 600, 400]);
    expect(out.getBlob().getContentType()).toBe('text/html');
    expect(out.getBlob().getDataAsString()).toBe(out.getContent());
    const pdf = out.getAs('application/pdf');
    expect(pdf.getName()).toBe('Nộp báo cáo.pdf');
    expect(Buffer.from(pdf.getBytes()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(() => out.addMetaTag('description', 'x')).toThrow('Invalid argument: name');
    expect(() => out.setSandboxMode('IFRAMES' as unknown as GoogleAppsScript.HTML.SandboxMode)).toThrow(
      "The parameters (String) don't match the method signature for HtmlService.HtmlOutput.setSandboxMode.",
    );
  });

  test('an unemulated member throws Not emulated', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.getUserAgent()).toThrow('Not emulated: HtmlService.getUserAgent');
    expect(() => HtmlService.createHtmlOutput('').setFaviconUrl('x')).toThrow(
      'Not emulated: HtmlOutput.setFaviconUrl',
    );
  });
});
