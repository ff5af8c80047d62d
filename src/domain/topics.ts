/**
 * The fields of work (mặt công tác) a report is organised by: the seven topics of the quarterly
 * report (docs/domain.md §8.2) and the ratings, which the longer reports give a section of their
 * own. Each indicator belongs to one topic, from its code; each topic has a narrative row in the
 * unit tabs, where officers write what no figure says, and the report puts that text under the
 * topic it belongs to.
 */

export type TopicKey = 'TT' | 'PT' | 'KT' | 'AS' | 'XD' | 'TC' | 'XL' | 'DA';

export interface Topic {
  key: TopicKey;
  /** The heading as the Union writes it in a report. */
  title: string;
  /** A group row of the Phụ lục, which spans one narrow column. */
  short: string;
  /** The narrative row of the unit tabs ('' for the ratings, written under TC). */
  narrative: string;
  /** The narrative row's name in the unit tab. */
  narrativeName: string;
}

export const TOPICS: readonly Topic[] = [
  {
    key: 'TT',
    short: 'Tuyên truyền, giáo dục',
    title: 'Công tác tuyên truyền, giáo dục; nắm bắt tình hình tư tưởng hội viên, phụ nữ',
    narrative: 'NT_TT',
    narrativeName: 'Tuyên truyền, giáo dục; tình hình tư tưởng hội viên, phụ nữ',
  },
  {
    key: 'PT',
    short: 'Phong trào thi đua, cuộc vận động',
    title: 'Thực hiện phong trào thi đua, các cuộc vận động, công trình, phần việc',
    narrative: 'NT_PT',
    narrativeName: 'Phong trào thi đua, cuộc vận động, công trình, phần việc',
  },
  {
    key: 'KT',
    short: 'Kinh tế, giảm nghèo, vốn vay',
    title: 'Hỗ trợ phụ nữ phát triển kinh tế, giảm nghèo, khởi nghiệp; quản lý vốn ủy thác',
    narrative: 'NT_KT',
    narrativeName: 'Hỗ trợ phát triển kinh tế, giảm nghèo, khởi nghiệp, vốn vay',
  },
  {
    key: 'AS',
    short: 'Gia đình, an sinh xã hội',
    title: 'Xây dựng gia đình; an sinh xã hội; bảo vệ quyền, lợi ích hợp pháp của phụ nữ, trẻ em',
    narrative: 'NT_AS',
    narrativeName: 'Xây dựng gia đình, an sinh xã hội, bảo vệ quyền phụ nữ, trẻ em',
  },
  {
    key: 'XD',
    short: 'Xây dựng Đảng, chính quyền',
    title: 'Tham gia xây dựng Đảng, chính quyền; giám sát, phản biện xã hội',
    narrative: 'NT_XD',
    narrativeName: 'Tham gia xây dựng Đảng, chính quyền; giám sát, phản biện',
  },
  {
    key: 'TC',
    short: 'Xây dựng tổ chức Hội',
    title: 'Xây dựng tổ chức Hội vững mạnh',
    narrative: 'NT_TC',
    narrativeName: 'Xây dựng tổ chức Hội; thi đua, khen thưởng',
  },
  {
    key: 'XL',
    short: 'Thi đua, xếp loại',
    title: 'Công tác thi đua, khen thưởng; kết quả xếp loại',
    narrative: '',
    narrativeName: '',
  },
  {
    key: 'DA',
    short: 'Đề án, chuyển đổi số',
    title: 'Thực hiện các Đề án, chuyển đổi số',
    narrative: 'NT_DA',
    narrativeName: 'Thực hiện các đề án, chuyển đổi số',
  },
];

export function topic(key: TopicKey): Topic {
  return TOPICS.find((t) => t.key === key)!;
}

/**
 * The topic of an indicator, from its code: the catalogue's groups do not split the way the
 * report does (its "TT, GD" group holds both the propaganda and the movements; KT and UT are one
 * topic). null for the resolution's own bookkeeping (NQ_…).
 */
export function topicOf(code: string): TopicKey | null {
  if (/^TT_(CUOC|LUOT|HV)/.test(code)) return 'TT';
  if (/^(TT_|GD_|PT_)/.test(code)) return 'PT';
  if (/^(KT_|UT_|TD_VON)/.test(code)) return 'KT';
  if (code.startsWith('AS_')) return 'AS';
  if (code.startsWith('XD_')) return 'XD';
  if (code.startsWith('TC_')) return 'TC';
  if (code.startsWith('TD_')) return 'XL';
  if (/^(DA\d|CDS_)/.test(code)) return 'DA';
  return null;
}
