// Why a file could not be imported, with a stable code for tools and a one-line message for people.
export type ImportErrorCode =
  | 'NOT_FOUND'
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'BINARY'
  | 'INVALID_UTF8'
  | 'NO_HEADLINE'
  | 'NO_BODY'
  | 'UNREADABLE';

export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
