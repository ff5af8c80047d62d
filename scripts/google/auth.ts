/**
 * Credentials, the way the googleapis ecosystem expects them:
 * - Application Default Credentials (default): `gcloud auth application-default login --scopes=…`,
 *   or GOOGLE_APPLICATION_CREDENTIALS naming a key file;
 * - a service account key file given by path (`--key`), with `--subject` to act as a Workspace user
 *   through domain-wide delegation;
 * - an access token you already have, in GOOGLE_OAUTH_ACCESS_TOKEN (short-lived; also how the tests
 *   run offline against a fake server).
 * See docs/provisioning.md for which to use: the Apps Script API does not accept a service account
 * acting as itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { auth } from 'googleapis/build/src/apis/sheets';
import type { ApiAuth } from './apis';
import { UserError } from './errors';

const SCOPE = 'https://www.googleapis.com/auth/';

export const SCOPES = {
  /** Create spreadsheets, write their Cấu hình, read them back. */
  spreadsheets: `${SCOPE}spreadsheets`,
  spreadsheetsReadonly: `${SCOPE}spreadsheets.readonly`,
  /** Share the files this tool created, and find one whose creation answer was lost. */
  driveFile: `${SCOPE}drive.file`,
  /** Create bound Apps Script projects and upload their code. */
  scriptProjects: `${SCOPE}script.projects`,
} as const;

export const PROVISION_SCOPES = [SCOPES.spreadsheets, SCOPES.driveFile, SCOPES.scriptProjects];

export interface AuthOptions {
  scopes: string[];
  /** Path of a service account key file (JSON). */
  keyFile?: string;
  /** The Workspace user a service account acts as (domain-wide delegation). */
  subject?: string;
  env?: NodeJS.ProcessEnv;
}

export const ACCESS_TOKEN_ENV = 'GOOGLE_OAUTH_ACCESS_TOKEN';

interface ServiceAccountKey {
  type: 'service_account';
  client_email: string;
  private_key: string;
}

function readKey(file: string): ServiceAccountKey {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`Không đọc được tệp khóa "${file}": ${(error as Error).message}`);
  }
  const key = raw as Partial<ServiceAccountKey> | null;
  if (!key || key.type !== 'service_account' || !key.client_email || !key.private_key) {
    throw new UserError(
      `Tệp "${file}" không phải khóa tài khoản dịch vụ (cần "type": "service_account", "client_email", "private_key").`,
    );
  }
  return key as ServiceAccountKey;
}

export function authFor(options: AuthOptions): ApiAuth {
  const env = options.env ?? process.env;
  const token = env[ACCESS_TOKEN_ENV]?.trim();
  if (token) {
    if (options.keyFile || options.subject)
      throw new UserError(`Dùng ${ACCESS_TOKEN_ENV} thì không dùng --key / --subject.`);
    const client = new auth.OAuth2();
    client.setCredentials({ access_token: token });
    return client;
  }
  if (options.keyFile) {
    const key = readKey(options.keyFile);
    return new auth.JWT({
      email: key.client_email,
      key: key.private_key,
      scopes: options.scopes,
      subject: options.subject,
    });
  }
  // ADC. A subject only means something for a service account key named by
  // GOOGLE_APPLICATION_CREDENTIALS; Google refuses it for user credentials, with its own message.
  return new auth.GoogleAuth({
    scopes: options.scopes,
    ...(options.subject ? { clientOptions: { subject: options.subject } } : {}),
  });
}

/** Where `npx clasp login` keeps its login (clasp 3: `~/.clasprc.json`, or the file clasp's `--auth` names). */
export function claspLoginFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.clasp_config_auth || path.join(os.homedir(), '.clasprc.json');
}

interface ClaspToken {
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
  access_token?: string;
  expiry_date?: number;
}

/**
 * The login `npx clasp login` saved, as an OAuth2 client (clasp 3.x's format: `tokens.default` with
 * the OAuth client and the refresh token; its login asks for the script.projects scope the deploy
 * needs). null when there is none.
 */
export function claspLogin(file: string): ApiAuth | null {
  if (!fs.existsSync(file)) return null;
  let token: ClaspToken | undefined;
  try {
    token = (JSON.parse(fs.readFileSync(file, 'utf8')) as { tokens?: { default?: ClaspToken } }).tokens
      ?.default;
  } catch {
    throw new UserError(`Tệp đăng nhập "${file}" hỏng: chạy lại npx clasp login.`);
  }
  if (!token?.refresh_token && !token?.access_token) return null;
  const client = new auth.OAuth2(token.client_id, token.client_secret);
  client.setCredentials({
    refresh_token: token.refresh_token,
    access_token: token.access_token,
    expiry_date: token.expiry_date,
  });
  return client;
}
