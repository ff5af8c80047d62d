import { spawnSync } from 'node:child_process';
import { ROOT } from './product';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  json: unknown;
}

/** Runs `npm run local -- …` as a person would, from the project folder: JSON out, or the one-line error. */
export function local(...args: string[]): CliResult {
  const result = spawnSync('npm', ['run', '--silent', 'local', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  let json: unknown = null;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    // not JSON: left null for the test to notice
  }
  // npm itself may warn about the machine's npmrc on stderr; keep only the command's own lines.
  const stderr = result.stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('npm warn'))
    .join('\n');
  return { status: result.status, stdout: result.stdout, stderr, json };
}
