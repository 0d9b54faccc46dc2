/**
 * RFC 9457 problem details. Every error leaves the server as application/problem+json with a
 * stable `code`; validation failures list the fields and reasons; never a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ERROR_CATALOGUE, type ErrorCode, type FieldError } from '../shared/errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function problemFor(code: ErrorCode, detail?: string, extra: Record<string, unknown> = {}): Problem {
  const { status, title } = ERROR_CATALOGUE[code];
  return {
    type: `https://shuzhi.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}

/** Turns Ajv's errors into `{field, reason}` pairs naming the request part (body, query, params). */
function fieldErrors(error: FastifyError): FieldError[] {
  const context = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const params = v.params;
    let field = `${context}${v.instancePath.replaceAll('/', '.')}`;
    if (typeof params.missingProperty === 'string') field = `${field}.${params.missingProperty}`;
    if (typeof params.additionalProperty === 'string') field = `${field}.${params.additionalProperty}`;
    return { field, reason: v.message ?? 'is invalid' };
  });
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const instance = request.url;
  if (error instanceof DomainError) {
    return sendProblem(reply, { ...problemFor(error.code, error.detail, error.extra), instance });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const errors = fieldErrors(fastifyError);
    return sendProblem(reply, {
      ...problemFor('VALIDATION_FAILED', errors.map((e) => `${e.field} ${e.reason}`).join('; '), { errors }),
      instance,
    });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(reply, { ...problemFor('UNSUPPORTED_MEDIA_TYPE', fastifyError.message), instance });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, { ...problemFor('PAYLOAD_TOO_LARGE', fastifyError.message), instance });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return sendProblem(reply, {
        ...problemFor('VALIDATION_FAILED', 'The body is not valid JSON', {
          errors: [{ field: 'body', reason: fastifyError.message }],
        }),
        instance,
      });
    default:
      break;
  }
  if (fastifyError.statusCode === 429) {
    return sendProblem(reply, { ...problemFor('RATE_LIMITED', fastifyError.message), instance });
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return sendProblem(reply, {
      ...problemFor('VALIDATION_FAILED', fastifyError.message, {
        errors: [{ field: 'request', reason: fastifyError.message }],
      }),
      status: fastifyError.statusCode,
      instance,
    });
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, {
    ...problemFor('INTERNAL', `Something went wrong; quote request id ${request.id} when reporting it.`),
    instance,
  });
}
