// The one error type. Services throw it; the error handler turns it into `{code, message}` with its HTTP
// status. `message` is shown to the user as it is, so it is plain Chinese and says how to fix the problem.

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: string;
  readonly statusCode: number;
  readonly fields: FieldError[] | undefined;

  constructor(code: string, statusCode: number, message: string, fields?: FieldError[]) {
    super(message);
    this.code = code;
    this.statusCode = statusCode;
    this.fields = fields;
  }

  static badRequest(message: string, fields?: FieldError[]): AppError {
    return new AppError('BAD_REQUEST', 400, message, fields);
  }

  static unauthenticated(message = '请先登录'): AppError {
    return new AppError('UNAUTHENTICATED', 401, message);
  }

  static forbidden(message = '您没有执行此操作的权限'): AppError {
    return new AppError('FORBIDDEN', 403, message);
  }

  /** Also the answer for records outside the caller's data scope: they do not exist for that caller. */
  static notFound(what = '记录'): AppError {
    return new AppError('NOT_FOUND', 404, `${what}不存在或您无权查看`);
  }

  /** Optimistic locking and state-machine conflicts. */
  static conflict(message: string): AppError {
    return new AppError('CONFLICT', 409, message);
  }

  static tooManyRequests(message = '操作过于频繁，请稍后再试'): AppError {
    return new AppError('TOO_MANY_REQUESTS', 429, message);
  }
}
