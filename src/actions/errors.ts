/**
 * A user action that cannot be done as asked: a bad id (400), an unknown paper (404), a taken name
 * or a file changed meanwhile (409), or a file the server cannot write (500, with the reason).
 */
export class ActionError extends Error {
  override name = 'ActionError';
  readonly status: 400 | 404 | 409 | 500;

  constructor(status: ActionError['status'], message: string) {
    super(message);
    this.status = status;
  }
}
