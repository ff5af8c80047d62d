/** An error the person running a command can fix: printed as is, one line (or one line per problem). */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
