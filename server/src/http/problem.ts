import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StorefrontErrorCode } from '../../../src/core/errors.js';

/** A field that failed validation, as listed in a problem's `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * An RFC 9457 problem to answer with. `message` is the English detail; `titles` of the code and
 * a zh-CN rendering are picked by `Accept-Language` when the answer is written.
 */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly code: StorefrontErrorCode,
    message: string,
    /** Extension members (`actual`, `reason`, `limit`...). */
    readonly detail: Record<string, unknown> = {},
    readonly errors?: FieldError[],
    /** Extra response headers (Retry-After...). */
    readonly headers: Record<string, string> = {},
    /** The zh-CN text of `message`, when the thrower has one. */
    readonly messageZh?: string,
  ) {
    super(message);
  }
}

export function problem(
  status: number,
  code: StorefrontErrorCode,
  message: string,
  detail?: Record<string, unknown>,
  options: { errors?: FieldError[]; headers?: Record<string, string>; zh?: string } = {},
): never {
  throw new HttpProblem(status, code, message, detail, options.errors, options.headers, options.zh);
}

type Locale = 'zh-CN' | 'en';

/** zh-CN unless the request prefers English (the kit's two locales). */
export function localeOf(request: FastifyRequest): Locale {
  const header = String(request.headers['accept-language'] ?? '');
  let best: { locale: Locale; q: number } = { locale: 'zh-CN', q: -1 };
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) || 0 : 1;
    const locale: Locale | null = tag.startsWith('zh') ? 'zh-CN' : tag.startsWith('en') ? 'en' : null;
    if (locale && q > best.q) best = { locale, q };
  }
  return best.locale;
}

const TITLES: Record<string, [en: string, zh: string]> = {
  validation: ['The request is not valid.', '请求内容无效。'],
  unauthorized: ['Not allowed.', '没有权限。'],
  'not-found': ['Not found.', '未找到。'],
  conflict: ['Conflict.', '操作冲突。'],
  'rate-limited': ['Too many requests.', '请求过于频繁。'],
  unavailable: ['The service is unavailable.', '服务暂时不可用。'],
  unsupported: ['Not supported.', '不支持此操作。'],
  quota: ['Over the limit.', '超出限制。'],
};

/** zh-CN renderings of the English details the infrastructure writes, by pattern. */
const ZH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^The body is not valid JSON\.$/, () => '请求体不是有效的 JSON。'],
  [/^The body is larger than (\d+) bytes\.$/, (m) => `请求体超过 ${m[1]} 字节的上限。`],
  [/^Send the body as (.+)\.$/, (m) => `请以 ${m[1]} 格式发送请求体。`],
  [/^An Idempotency-Key header is required/, () => '此操作需要 Idempotency-Key 请求头。'],
  [/^This Idempotency-Key was used with another request/, () => '该 Idempotency-Key 已用于另一个请求。'],
  [/^A request with this Idempotency-Key is still running/, () => '使用该 Idempotency-Key 的请求仍在处理中。'],
  [/^Too many requests: try again in (\d+) s\.$/, (m) => `请求过于频繁，请 ${m[1]} 秒后再试。`],
  [/^The staff token is missing or wrong\.$/, () => '缺少员工令牌或令牌错误。'],
  [/^This origin may not write/, () => '此来源不允许提交。'],
  [/^No such path\.$/, () => '没有此路径。'],
  [/^Something went wrong on the server\.$/, () => '服务器出错了。'],
  [/^The database is not reachable/, () => '数据库暂时无法连接。'],
  [/ is not valid: /, () => '请求内容无效，请检查所填字段。'],
];

function zhOf(message: string): string | undefined {
  for (const [pattern, render] of ZH) {
    const match = message.match(pattern);
    if (match) return render(match);
  }
  return undefined;
}

/** `current` Vary header with `names` added once (CORS adds Origin before the answer is written). */
export function addVary(current: unknown, ...names: string[]): string {
  const list = String(current ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) if (!list.some((item) => item.toLowerCase() === name.toLowerCase())) list.push(name);
  return list.join(', ');
}

/** Writes `error` as application/problem+json in the request's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: HttpProblem): FastifyReply {
  const locale = localeOf(request);
  const [titleEn, titleZh] = TITLES[error.code] ?? TITLES.unavailable!;
  const detailZh = error.messageZh ?? zhOf(error.message);
  const body: Record<string, unknown> = {
    ...error.detail,
    type: `https://storefront-elements.dev/problems/${error.code}`,
    title: locale === 'en' ? titleEn : titleZh,
    status: error.status,
    detail: locale === 'en' || !detailZh ? error.message : detailZh,
    code: error.code,
  };
  if (error.errors?.length) body.errors = error.errors;
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply
    .code(error.status)
    .header('content-language', locale)
    .header('vary', addVary(reply.getHeader('vary'), 'Accept-Language'))
    .type('application/problem+json; charset=utf-8')
    .send(JSON.stringify(body));
}
