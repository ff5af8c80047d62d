/**
 * Who did something, as the workbook writes it down. Google withholds the email of a person from
 * the script's triggers when they use a gmail.com account or an account outside the owner's
 * Workspace domain (Session.getActiveUser, the edit event's `user`): such a person is recorded in
 * words a chair understands rather than as a blank cell.
 */
export const UNKNOWN_PERSON = 'Không rõ (Google không cho biết email)';

export function personLabel(email: string): string {
  return email.trim() || UNKNOWN_PERSON;
}
