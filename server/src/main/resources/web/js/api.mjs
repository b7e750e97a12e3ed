// The one way both pages talk to the server: every request goes through api(), every failure becomes an ApiError,
// and errorText() words it the same way everywhere ("message (field: name)"). Pure: fetch can be stubbed in tests.

/** A refused or failed request: the server's message, the request field it names (or null), the HTTP status (0 when
 *  the server could not be reached). */
export class ApiError extends Error {
  constructor(message, { field = null, status = 0, path = '' } = {}) {
    super(message);
    this.name = 'ApiError';
    this.field = field;
    this.status = status;
    this.path = path;
  }
}

/**
 * The JSON answer of `path`, or throws an ApiError with the server's `{"error", "field"}` (HTTP 4xx/5xx), with
 * "HTTP <status>" when the body is not such JSON, or "could not reach the Caravan server" when the request never
 * got an answer. An aborted request rethrows the AbortError, so callers that cancel a request can ignore it.
 * `options` are fetch's (method, body, headers, signal); `fetchFn` is for tests.
 */
export async function api(path, options = {}, fetchFn = globalThis.fetch) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  let res;
  try {
    res = await fetchFn(path, Object.assign({}, options, { headers }));
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(`Could not reach the Caravan server (${e && e.message ? e.message : e})`, { path });
  }
  let body = null;
  let text = '';
  try {
    text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    body = null;
  }
  if (!res.ok) {
    const message = body && typeof body.error === 'string' && body.error ? body.error
      : `${path.split('?')[0]}: HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`;
    throw new ApiError(message, { field: body && body.field ? body.field : null, status: res.status, path });
  }
  if (body === null && text) {
    throw new ApiError(`${path.split('?')[0]}: the answer is not JSON`, { status: res.status, path });
  }
  return body;
}

/** An error as the pages show it: "message (field: name)", with an optional lead such as "Scenario not saved". */
export function errorText(err, lead = '') {
  const message = err && err.message ? err.message : String(err ?? '');
  const field = err && err.field ? ` (field: ${err.field})` : '';
  return (lead ? `${lead}: ` : '') + message + field;
}

/** Whether an error is a cancelled request (to be ignored, not shown). */
export const isAbort = (err) => !!err && err.name === 'AbortError';
