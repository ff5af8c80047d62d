import type { WorkbookConfig } from './config';

export function isAdmin(config: Pick<WorkbookConfig, 'quan_tri'>, email: string): boolean {
  const normalized = email.trim().toLowerCase();
  return normalized !== '' && config.quan_tri.some((admin) => admin.toLowerCase() === normalized);
}
