/**
 * Domain errors with a stable `code`. Handlers map them to HTTP statuses in one place
 * (functions/http/errors.ts); messages are Vietnamese, shown to the user as they are.
 */
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly errors?: FieldErrors,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request is malformed or a field is invalid (400). */
export class ValidationError extends DomainError {
  constructor(message: string, errors?: FieldErrors, code = 'validation.failed') {
    super(code, message, errors);
  }
}

/** The resource or record does not exist, or the caller may not see it (404). */
export class NotFoundError extends DomainError {
  constructor(message = 'Không tìm thấy bản ghi', code = 'record.not_found') {
    super(code, message);
  }
}

/** The write conflicts with what is stored: a stale version or a duplicate (409). */
export class ConflictError extends DomainError {
  constructor(message: string, code = 'record.conflict', errors?: FieldErrors) {
    super(code, message, errors);
  }
}

/** No valid session: missing, bad, expired or ended token, or wrong credentials (401). */
export class UnauthorizedError extends DomainError {
  constructor(
    message = 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ; hãy đăng nhập lại',
    code = 'auth.unauthorized',
  ) {
    super(code, message);
  }
}

/** Signed in, but the role does not allow this action (403). */
export class ForbiddenError extends DomainError {
  constructor(message = 'Vai trò của bạn không được làm việc này', code = 'auth.forbidden') {
    super(code, message);
  }
}

/** Too many attempts; try again later (429). */
export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    code = 'rate.limited',
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
  }
}
