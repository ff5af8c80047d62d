import type { Level } from './config';

/** The words a level uses for itself and for its subordinate units (docs/domain.md §3.3). */
export interface LevelWords {
  /** The owner's level, e.g. "huyện". */
  owner: string;
  /** The subordinate units, e.g. "cơ sở" or "chi hội". */
  unit: string;
}

const WORDS: Record<Level, LevelWords> = {
  huyen: { owner: 'huyện', unit: 'cơ sở' },
  xa: { owner: 'xã', unit: 'chi hội' },
  tinh: { owner: 'tỉnh', unit: 'cơ sở' },
};

export function levelWords(level: Level): LevelWords {
  return WORDS[level];
}
