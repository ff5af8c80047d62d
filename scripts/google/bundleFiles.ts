/**
 * The built project (dist/) as the Apps Script API takes it: exactly the files `clasp push` would
 * send, named without their extension, typed SERVER_JS, JSON (the manifest) or HTML.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { script_v1 } from 'googleapis/build/src/apis/script';
import { UserError } from './errors';

export interface Bundle {
  files: script_v1.Schema$File[];
  /** Identifies this build: a unit whose code has another hash runs an older build. */
  hash: string;
}

const TYPES: Record<string, string> = { '.js': 'SERVER_JS', '.json': 'JSON', '.html': 'HTML' };

export function readBundle(distDir: string): Bundle {
  if (!fs.existsSync(path.join(distDir, 'Code.js')) || !fs.existsSync(path.join(distDir, 'appsscript.json')))
    throw new UserError(
      `Thư mục "${distDir}" chưa có bản dựng (Code.js, appsscript.json): hãy chạy npm run build.`,
    );
  const names = fs.readdirSync(distDir).sort();
  const files: script_v1.Schema$File[] = [];
  for (const name of names) {
    const extension = path.extname(name);
    const type = TYPES[extension];
    if (!type) throw new UserError(`Tệp "${name}" trong "${distDir}" không phải .js, .json hay .html.`);
    if (type === 'JSON' && name !== 'appsscript.json')
      throw new UserError(
        `Tệp JSON duy nhất được phép trong "${distDir}" là appsscript.json (thấy "${name}").`,
      );
    files.push({
      name: path.basename(name, extension),
      type,
      source: fs.readFileSync(path.join(distDir, name), 'utf8'),
    });
  }
  // The manifest first, as the editor and clasp list it.
  files.sort((a, b) => Number(b.type === 'JSON') - Number(a.type === 'JSON'));
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.name}\0${file.type}\0${file.source}\0`);
  return { files, hash: hash.digest('hex').slice(0, 16) };
}
