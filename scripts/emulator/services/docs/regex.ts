import { RE2 } from 're2-wasm';
import type { EmulatorContext } from '../../core/context';
import type { ParagraphNode } from './model';
import { spliceText, textOf } from './model';

/**
 * replaceText / findText patterns: RE2 syntax (no lookaround, no backreference), matched
 * independently against each text block (docs/apps-script-facts.md §3.1).
 */
export function compilePattern(ctx: EmulatorContext, pattern: string): RE2 {
  const source = String(pattern);
  const known = compiled.get(source);
  if (known) return known;
  try {
    const re = new RE2(source, 'gu');
    compiled.set(source, re);
    return re;
  } catch {
    // unverified: confirm on a real account (Google's text for a pattern RE2 rejects).
    throw ctx.fail(`Invalid regular expression pattern ${pattern}`);
  }
}

/**
 * Compiled patterns, by source. re2-wasm never frees a compiled pattern's memory (its wasm heap is
 * fixed at 16 MB), so compiling anew for every call runs out after some thousands of calls in one
 * process (a fault sweep makes that many). Every user resets `lastIndex` first (matchRanges).
 */
const compiled = new Map<string, RE2>();

/** [start, end) of every non-empty match in `text` from `from` on. */
export function matchRanges(re: RE2, text: string, from = 0): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + (m[0] ?? '').length;
    // Empty matches replace nothing (unverified: confirm on a real account); step past them.
    if (end === m.index) re.lastIndex = m.index + 1;
    else out.push([m.index, end]);
    if (re.lastIndex > text.length) break;
  }
  return out;
}

/**
 * Replaces every match inside one paragraph (from offset `from`). The replacement is literal:
 * `$1` and `\1` are not substituted (unverified: confirm on a real account), and the new text takes
 * the format of the first matched character (commonly observed, unverified).
 */
export function replaceInParagraph(p: ParagraphNode, re: RE2, replacement: string, from = 0): void {
  const ranges = matchRanges(re, textOf(p), from);
  for (let i = ranges.length - 1; i >= 0; i -= 1) {
    const [start, end] = ranges[i]!;
    spliceText(p, start, end, replacement);
  }
}
