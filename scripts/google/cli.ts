/** What the two command lines share: options, credentials, limits, and how an error ends them. */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { GoogleApis } from './apis';
import { googleApis } from './apis';
import { authFor } from './auth';
import { UserError } from './errors';
import { DEFAULT_LIMITS, Requests } from './requests';
import { describeError } from './retry';

export type Options = Record<string, string | boolean | undefined>;

export const COMMON_OPTIONS = {
  key: { type: 'string' },
  subject: { type: 'string' },
  concurrency: { type: 'string' },
  'sheets-per-minute': { type: 'string' },
  'drive-per-minute': { type: 'string' },
  'script-per-minute': { type: 'string' },
  'root-url': { type: 'string' },
  help: { type: 'boolean' },
} as const;

type OptionSpec = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/** `help` names the command's help, e.g. "npm run provision -- --help": errors stay one line. */
export function parseOptions(argv: string[], options: OptionSpec, help: string): Options {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
    if (positionals.length > 0) throw new Error(`không nhận đối số "${positionals[0]}"`);
    return values as Options;
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    const reason = unknown ? `không có tùy chọn "${unknown}"` : message;
    throw new UserError(`Tùy chọn không hợp lệ: ${reason} (xem: ${help}).`);
  }
}

export function requireOption(options: Options, name: string, help: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UserError(`Thiếu tùy chọn --${name} (xem: ${help}).`);
  return value;
}

export function wholeOption(
  options: Options,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = options[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < min || n > max)
    throw new UserError(`--${name} phải là số nguyên từ ${min} đến ${max} (nhận được "${String(value)}").`);
  return n;
}

export function readJson(file: string, what: string): unknown {
  if (!fs.existsSync(file)) throw new UserError(`Không tìm thấy ${what} "${file}".`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`${what} "${file}" không phải JSON hợp lệ: ${(error as Error).message}`);
  }
}

export function readText(file: string, what: string): string {
  if (!fs.existsSync(file)) throw new UserError(`Không tìm thấy ${what} "${file}".`);
  return fs.readFileSync(file, 'utf8');
}

/** The APIs and the request limiter from the common options, credentials checked. */
export async function connect(
  options: Options,
  scopes: string[],
): Promise<{ apis: GoogleApis; requests: Requests }> {
  const perMinute = wholeOption(options, 'sheets-per-minute', DEFAULT_LIMITS.sheetsWrite, 1, 1_000_000);
  const limits = {
    sheetsRead: perMinute,
    sheetsWrite: perMinute,
    drive: wholeOption(options, 'drive-per-minute', DEFAULT_LIMITS.drive, 1, 1_000_000),
    script: wholeOption(options, 'script-per-minute', DEFAULT_LIMITS.script, 1, 1_000_000),
  };
  const auth = authFor({
    scopes,
    keyFile: typeof options.key === 'string' ? options.key : undefined,
    subject: typeof options.subject === 'string' ? options.subject : undefined,
  });
  // Credentials are checked once here, rather than failing every unit with the same message.
  try {
    if (typeof auth === 'object' && 'getAccessToken' in auth) await auth.getAccessToken();
  } catch (error) {
    throw new UserError(
      `Không lấy được quyền truy cập Google: ${describeError(error)} (xem docs/provisioning.md, mục "Credentials").`,
    );
  }
  const rootUrl = typeof options['root-url'] === 'string' ? options['root-url'] : undefined;
  return {
    apis: googleApis(auth, { rootUrl }),
    requests: new Requests({ limits }),
  };
}

/** Runs a command line: its output on stdout; an error as one clear line on stderr and status 1. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      const text = error instanceof UserError ? error.message : `Lỗi: ${describeError(error)}`;
      console.error(text);
      process.exit(1);
    },
  );
}
