/**
 * The one door to Shuzhi's HTTP API for every view, desktop and phone. It speaks the API's
 * conventions (docs/api/conventions.md): the HTTP-only session cookie plus the `X-CSRF-Token`
 * header on unsafe methods, or a bearer token; RFC 9457 problem+json errors turned into
 * `ApiError` with field errors; `Idempotency-Key` on creating POSTs so a retry never duplicates.
 */

export interface FieldError {
  /** `body.password`, `querystring.limit`, … as the API names it. */
  field: string;
  reason: string;
}

/** A problem+json answer (or a network failure, status 0) as a typed error. */
export class ApiError extends Error {
  readonly status: number;
  /** Stable code from the server's catalogue (`VERSION_CONFLICT`, `CASE_ILLEGAL_ACTION`…), `NETWORK` offline. */
  readonly code: string;
  readonly title: string;
  readonly detail: string | null;
  readonly errors: readonly FieldError[];
  /** Extra members of the problem (e.g. `currentVersion` of a 409). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(problem: {
    status: number;
    code: string;
    title: string;
    detail?: string | null;
    errors?: readonly FieldError[];
    extra?: Record<string, unknown>;
  }) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail ?? null;
    this.errors = problem.errors ?? [];
    this.extra = problem.extra ?? {};
  }

  /**
   * Field errors keyed by the form field name: `body.newPassword` → `newPassword`,
   * `body.location.lat` → `location.lat`. Forms show these next to their inputs.
   */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const name = e.field.replace(/^(body|querystring|params|header)\.?/, '') || e.field;
      out[name] ??= e.reason;
    }
    return out;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A fresh key for one logical create; reuse the same key when retrying that create. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

type Query = Record<string, string | number | boolean | null | undefined | readonly (string | number)[]>;

export interface RequestOptions {
  query?: Query;
  /** JSON body (objects), a FormData (multipart uploads) or a Blob (raw files such as CSV). */
  body?: unknown;
  /** `true` makes a new key; a string reuses one (retries of the same create). */
  idempotencyKey?: string | true;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** Prefix of every path; `/api/v1` by default. */
  base?: string;
  /** Use a bearer token instead of the session cookie (API clients, kiosk devices). */
  bearer?: string | (() => string | null);
  /** Where the CSRF token of the cookie session lives (set at login, restored from GET /auth/session). */
  csrf?: { get(): string | null; set(token: string | null): void };
  /** Called with every 401 (e.g. to send the user back to the login page). */
  onUnauthorized?: (error: ApiError) => void;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function memoryCsrf(): { get(): string | null; set(token: string | null): void } {
  let token: string | null = null;
  try {
    token = sessionStorage.getItem('shuzhi.csrf');
  } catch {
    // Storage may be disabled (private mode); the token then lives in memory only.
  }
  return {
    get: () => token,
    set: (next) => {
      token = next;
      try {
        if (next) sessionStorage.setItem('shuzhi.csrf', next);
        else sessionStorage.removeItem('shuzhi.csrf');
      } catch {
        // See above.
      }
    },
  };
}

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value))
      for (const v of value as readonly (string | number)[]) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function problemOf(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Record<string, unknown>;
      const { status, code, title, detail, errors, type: _type, instance: _instance, ...extra } = body;
      return new ApiError({
        status: typeof status === 'number' ? status : response.status,
        code: typeof code === 'string' ? code : `HTTP_${response.status}`,
        title: typeof title === 'string' ? title : response.statusText,
        detail: typeof detail === 'string' ? detail : null,
        errors: Array.isArray(errors) ? (errors as FieldError[]) : [],
        extra,
      });
    } catch {
      // Fall through to the plain error below.
    }
  }
  return new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    title: response.statusText,
  });
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  put<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  delete<T = void>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>;
  /** The CSRF token store (login sets it; logout clears it). */
  readonly csrf: { get(): string | null; set(token: string | null): void };
  /** URL of a path under the API base (for <img src>, downloads). */
  url(path: string, query?: Query): string;
}

export function createApi(options: ApiClientOptions = {}): ApiClient {
  const base = options.base ?? '/api/v1';
  const csrf = options.csrf ?? memoryCsrf();

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    const bearer = typeof options.bearer === 'function' ? options.bearer() : options.bearer;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    else if (!SAFE.has(method)) {
      const token = csrf.get();
      if (token) headers['x-csrf-token'] = token;
    }
    if (opts.idempotencyKey) {
      headers['idempotency-key'] = opts.idempotencyKey === true ? idempotencyKey() : opts.idempotencyKey;
    }
    let body: BodyInit | undefined;
    // FormData (multipart) and Blob (a CSV file, with the content-type given in headers) go as they are.
    if (opts.body instanceof FormData || opts.body instanceof Blob) body = opts.body;
    else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    let response: Response;
    try {
      response = await fetch(base + path + queryString(opts.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError({
        status: 0,
        code: 'NETWORK',
        title: 'Network error',
        detail: (error as Error).message,
      });
    }
    if (!response.ok) {
      const error = await problemOf(response);
      if (error.status === 401) options.onUnauthorized?.(error);
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json')) return (await response.json()) as T;
    return (await response.text()) as T;
  }

  return {
    request,
    get: (path, query, signal) => request('GET', path, { query, signal }),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
    csrf,
    url: (path, query) => base + path + queryString(query),
  };
}

/** The app-wide client (cookie session). */
export const api = createApi();

/** One page of a keyset-paginated list (docs/api/conventions.md). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
