/**
 * Every reference in the repository resolves inside it: someone who clones the project finds each
 * document, file and section that a comment or a page cites. No file may point outside the repository.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SELF = path.relative(ROOT, __filename).split(path.sep).join('/');
const NOT_TEXT = /\.(png|jpe?g|gif|ico|pdf|xlsx|docx|zip)$|^package-lock\.json$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out', 'coverage', '.git']);

/** Paths of the material the project was given, which a cloner never has. */
const OUTSIDE = [/\.\.\/shared\b/, /\bshared\/(docs|domain|seeds)\b/, /\/work\//, /\bDESIGN(\.md| §)/];
/** A repository path in text: starts a word (not inside a URL) and names a top-level folder. */
const REPO_PATH = /(?<![\w./:@-])(?:docs|src|scripts|test|examples)\/[\w./-]*/g;
/** "docs/domain.md §6.1", "`docs/domain.md` §8", "[domain.md §5.1](domain.md)", "domain.md §7, §10.2". */
const SECTION_REF = /([\w-]+\.md)`?\)? ((?:§\d+(?:\.\d+)*(?:, )?)+)/g;
/** The emulator's short form for docs/apps-script-facts.md. */
const FACTS_REF = /\bfacts ((?:§\d+(?:\.\d+)*(?:, )?)+)/g;
const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g;

function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
  } catch {
    // Not a git checkout (a source archive): every file outside the build and dependency folders.
    const walk = (dir: string): string[] =>
      fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
        const file = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : walk(file);
        return [file];
      });
    return walk('');
  }
}

const textFiles = trackedFiles().filter(
  (f) =>
    f !== SELF &&
    !NOT_TEXT.test(path.basename(f)) &&
    fs.lstatSync(path.join(ROOT, f), { throwIfNoEntry: false })?.isFile(),
);
const contents = new Map(textFiles.map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')]));

/** Every numbered heading of a Markdown file: "## 6. Targets" and "### 6.1 The target model" give 6 and 6.1. */
function sections(file: string): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return new Set([...text.matchAll(/^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/gm)].map((m) => m[1]!));
}

/** The document a section reference names, as a repository path ("domain.md" is docs/domain.md). */
function documentOf(name: string, from: string): string {
  const beside = path.posix.join(path.posix.dirname(from), name);
  if (fs.existsSync(path.join(ROOT, beside))) return beside;
  return fs.existsSync(path.join(ROOT, name)) ? name : `docs/${name}`;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

describe('references inside the repository', () => {
  it('reads the tracked files', () => {
    expect(textFiles).toEqual(expect.arrayContaining(['README.md', 'src/main.ts', 'docs/domain.md']));
  });

  it('no file refers to a path outside the repository', () => {
    const found: string[] = [];
    for (const [file, text] of contents) {
      for (const pattern of OUTSIDE) {
        const match = new RegExp(pattern.source, 'g').exec(text);
        if (match) found.push(`${file}:${lineOf(text, match.index)}: ${match[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('every docs/, src/, scripts/, test/ or examples/ path that a file names exists', () => {
    const missing: string[] = [];
    for (const [file, text] of contents) {
      for (const match of text.matchAll(REPO_PATH)) {
        const cited = match[0].replace(/[.,]+$/, '');
        if (!fs.existsSync(path.join(ROOT, cited))) {
          missing.push(`${file}:${lineOf(text, match.index)}: ${cited}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every relative link of a Markdown page leads to a file of the repository', () => {
    const broken: string[] = [];
    for (const [file, text] of contents) {
      if (!file.endsWith('.md')) continue;
      for (const match of text.matchAll(MARKDOWN_LINK)) {
        const target = match[1]!.split('#')[0]!;
        if (!target || /^[a-z]+:/.test(target)) continue;
        if (!fs.existsSync(path.join(ROOT, path.dirname(file), target))) {
          broken.push(`${file}:${lineOf(text, match.index)}: ${match[1]}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every "§" a file cites exists as a numbered heading of that document', () => {
    const unknown: string[] = [];
    const check = (file: string, text: string, index: number, document: string, refs: string) => {
      if (!fs.existsSync(path.join(ROOT, document))) {
        unknown.push(`${file}:${lineOf(text, index)}: ${document} does not exist`);
        return;
      }
      const known = sections(document);
      for (const ref of refs.matchAll(/§(\d+(?:\.\d+)*)/g)) {
        if (!known.has(ref[1]!)) unknown.push(`${file}:${lineOf(text, index)}: ${document} §${ref[1]}`);
      }
    };
    for (const [file, text] of contents) {
      for (const match of text.matchAll(SECTION_REF)) {
        check(file, text, match.index, documentOf(match[1]!, file), match[2]!);
      }
      for (const match of text.matchAll(FACTS_REF)) {
        check(file, text, match.index, 'docs/apps-script-facts.md', match[1]!);
      }
    }
    expect(unknown).toEqual([]);
  });
});
