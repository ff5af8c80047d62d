/** The email of the person running the code ('' when Google does not reveal it). */
export function currentUserEmail(): string {
  return Session.getActiveUser().getEmail().trim().toLowerCase();
}
