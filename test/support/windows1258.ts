/**
 * Text as Excel on Vietnamese Windows saves "CSV": code page 1258, which holds the base letters
 * (ă â đ ê ô ơ ư and some with a tone) and writes the other tones as combining marks after the
 * letter. The table is the WHATWG one (Node's TextDecoder), read backwards.
 */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

const BYTE_OF = new Map<string, number>();
for (let b = 0; b < 256; b++) {
  const c = new TextDecoder('windows-1258').decode(Uint8Array.of(b));
  if (!BYTE_OF.has(c)) BYTE_OF.set(c, b);
}

function bytesOfChar(c: string): number[] {
  const direct = BYTE_OF.get(c);
  if (direct !== undefined) return [direct];
  const decomposed = c.normalize('NFD');
  const base = decomposed.replace(TONES, '').normalize('NFC');
  const tones = decomposed.match(TONES) ?? [];
  const parts = [base, ...tones].map((p) => BYTE_OF.get(p));
  if (parts.some((p) => p === undefined)) throw new Error(`"${c}" has no Windows-1258 form`);
  return parts as number[];
}

export function encodeWindows1258(text: string): Buffer {
  return Buffer.from([...text.normalize('NFC')].flatMap(bytesOfChar));
}
