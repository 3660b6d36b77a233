import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './app-error.ts';

const contextNames: Record<string, string> = {
  body: '',
  querystring: '查询参数 ',
  params: '路径参数 ',
  headers: '请求头 ',
};

// Fastify's own 4xx errors, in the words a user can act on.
const frameworkMessages: Record<string, [string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ['INVALID_JSON', '提交的内容不是有效的 JSON，请检查后重试'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['EMPTY_BODY', '请求内容为空，请填写后重试'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请以 JSON 格式提交'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['BAD_REQUEST', '请求长度与内容不符，请重试'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', '提交的内容过大，请减少内容后重试'],
};

const statusMessages: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求无效，请检查后重试'],
  401: ['UNAUTHENTICATED', '请先登录'],
  403: ['FORBIDDEN', '您没有执行此操作的权限'],
  404: ['NOT_FOUND', '请求的内容不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持该请求方式'],
  406: ['NOT_ACCEPTABLE', '无法提供所要求的格式'],
  408: ['REQUEST_TIMEOUT', '请求超时，请重试'],
  413: ['PAYLOAD_TOO_LARGE', '提交的内容过大，请减少内容后重试'],
  414: ['URI_TOO_LONG', '请求地址过长'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型'],
  429: ['TOO_MANY_REQUESTS', '操作过于频繁，请稍后再试'],
};

const genericClientError: [string, string] = ['BAD_REQUEST', '请求无效，请检查后重试'];

function validationFields(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) {
    return (error.validation ?? []).map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? '格式不正确',
    }));
  }
  const prefix = contextNames[error.validationContext ?? 'body'] ?? '';
  return error.validation.map((v) => ({
    path: `${prefix}${v.instancePath.replace(/^\//, '').replaceAll('/', '.')}`.trim(),
    message: v.message ?? '格式不正确',
  }));
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const requestId = request.id;
    if (error instanceof AppError) {
      if (error.statusCode >= 500) request.log.error({ err: error }, 'application error');
      return reply.status(error.statusCode).send({
        code: error.code,
        message: error.message,
        requestId,
        ...(error.fields ? { fields: error.fields } : {}),
      });
    }
    if (error.validation) {
      const fields = validationFields(error);
      const summary = fields.map((f) => (f.path ? `${f.path}：${f.message}` : f.message)).join('；');
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: `提交的内容有误：${summary}`,
        requestId,
        fields,
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      const [code, message] = frameworkMessages[error.code] ?? statusMessages[status] ?? genericClientError;
      request.log.info({ err: error }, 'client error');
      return reply.status(status).send({ code, message, requestId });
    }
    // Everything else is our fault: log it whole, tell the user nothing internal.
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      code: 'INTERNAL_ERROR',
      message: `系统出现错误，请稍后重试；如仍有问题，请把请求编号 ${requestId} 告知管理员`,
      requestId,
    });
  });
}
