/**
 * Builds the Apps Script project into dist/: src/main.ts bundled by esbuild as an IIFE with the
 * global name `App`, then one plain top-level function per export of main.ts so Apps Script (and
 * gas-local) find entry points by name, plus appsscript.json and the HTML files.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(__dirname, '..');
export const DIST = path.join(ROOT, 'dist');
const ENTRY = path.join(ROOT, 'src', 'main.ts');
const GLOBAL_NAME = 'App';

const common: esbuild.BuildOptions = {
  entryPoints: [ENTRY],
  bundle: true,
  target: 'es2020',
  platform: 'neutral',
  charset: 'utf8',
  legalComments: 'none',
  loader: { '.csv': 'text' },
  write: false,
  // The version shown in Hướng dẫn and Cấu hình (src/domain/version.ts).
  define: {
    __APP_VERSION__: JSON.stringify(
      (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    ),
    __BUILD_DATE__: JSON.stringify(new Date().toISOString().slice(0, 10)),
  },
};

/** The names main.ts exports, read from esbuild's metafile (nothing is hard-coded). */
async function entryPointNames(): Promise<string[]> {
  const result = await esbuild.build({ ...common, format: 'esm', metafile: true, outfile: 'probe.js' });
  const outputs = Object.values(result.metafile?.outputs ?? {});
  const names = outputs.flatMap((o) => o.exports);
  if (names.length === 0) throw new Error('src/main.ts exports no entry point');
  return names.sort();
}

export function wrapper(name: string): string {
  // `arguments` passes the trigger event or the dialog's parameters through unchanged.
  return `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}\n`;
}

/** Files that ship beside Code.js: the manifest and the dialogs' HTML. */
function copyAssets(dir: string): void {
  fs.copyFileSync(path.join(ROOT, 'appsscript.json'), path.join(dir, 'appsscript.json'));
  const uiDir = path.join(ROOT, 'src', 'ui');
  for (const name of fs.readdirSync(uiDir)) {
    if (name.endsWith('.html')) fs.copyFileSync(path.join(uiDir, name), path.join(dir, name));
  }
}

export async function build(): Promise<{ entryPoints: string[]; bytes: number }> {
  const names = await entryPointNames();
  const result = await esbuild.build({
    ...common,
    format: 'iife',
    globalName: GLOBAL_NAME,
    outfile: 'Code.js',
  });
  const bundle = result.outputFiles?.[0]?.text;
  if (bundle === undefined) throw new Error('esbuild produced no output');
  const code = `${bundle}\n${names.map(wrapper).join('\n')}`;
  if (/^\s*(import|export)\s/m.test(code))
    throw new Error('The bundle still contains import/export statements');
  // Build beside dist/ and swap it in, so a reader never sees a half-written dist/.
  const staging = `${DIST}.${process.pid}.tmp`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, 'Code.js'), code);
  copyAssets(staging);
  fs.rmSync(DIST, { recursive: true, force: true });
  fs.renameSync(staging, DIST);
  return { entryPoints: names, bytes: Buffer.byteLength(code) };
}

/** Builds when dist/ is missing or older than any source file (the command line calls this). */
export async function buildIfStale(): Promise<void> {
  const out = path.join(DIST, 'Code.js');
  if (fs.existsSync(out)) {
    const builtAt = fs.statSync(out).mtimeMs;
    const sources = [path.join(ROOT, 'appsscript.json'), ...listFiles(path.join(ROOT, 'src'))];
    if (sources.every((f) => fs.statSync(f).mtimeMs <= builtAt)) return;
  }
  await build();
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

if (require.main === module) {
  build().then(
    ({ entryPoints, bytes }) => {
      console.log(
        `dist/Code.js: ${bytes} bytes, ${entryPoints.length} entry points: ${entryPoints.join(', ')}`,
      );
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
