/** "Kiểm tra cài đặt" warns while one Sheet still has room: past half of Google's cell limit or 150 tabs. */
import type { InstallFacts } from '../../src/domain/installCheck';
import { installFindings } from '../../src/domain/installCheck';

const FACTS: InstallFacts = {
  owner: 'chutich@hoilhpn.vn',
  locale: 'vi_VN',
  timeZone: 'Asia/Ho_Chi_Minh',
  editTrigger: true,
  schedule: null,
  reportFolder: true,
  missingTemplates: [],
  mailQuota: 100,
  editors: ['chutich@hoilhpn.vn'],
  units: [],
  unprotectedTabs: [],
  cells: 400_000,
  tabs: 26,
  ungrantedScopes: [],
  reauthorize: [],
};
const CONFIG = { quan_tri: ['chutich@hoilhpn.vn'], email_nhan: ['vanphong@hoilhpn.vn'] };

function capacity(facts: Partial<InstallFacts>) {
  return installFindings({ ...FACTS, ...facts }, CONFIG).find((f) => f.muc === 'Dung lượng bảng tính')!;
}

describe('the capacity finding', () => {
  it('passes well inside the limits and names them', () => {
    const finding = capacity({});
    expect(finding.dat).toBe(true);
    expect(finding.chi_tiet).toBe('400.000 ô trên 26 trang (giới hạn của Google: 10.000.000 ô, 200 trang)');
  });

  it('warns past half the cells, or past 150 tabs, and points to one workbook per unit', () => {
    expect(capacity({ cells: 5_000_000 }).dat).toBe(true);
    expect(capacity({ cells: 5_000_001 }).dat).toBe(false);
    expect(capacity({ tabs: 150 }).dat).toBe(true);
    const tooMany = capacity({ tabs: 151 });
    expect(tooMany.dat).toBe(false);
    expect(tooMany.cach_sua).toContain('mỗi đơn vị một bảng tính');
    expect(tooMany.cach_sua).toContain('npm run province');
  });
});
