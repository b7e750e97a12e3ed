// The one fetch helper: answers, refusals naming their field, unreadable answers and unreachable servers, each
// becoming the same ApiError, worded the same way by errorText.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, api, errorText, isAbort } from '../../main/resources/web/js/api.mjs';

/** A fetch stub answering `status` with `body` (a string, sent as is) and recording its calls. */
function stub(status, body, statusText = '') {
  const calls = [];
  const fetchFn = async (url, options) => {
    calls.push({ url, options });
    return { ok: status >= 200 && status < 300, status, statusText, text: async () => body };
  };
  return { fetchFn, calls };
}

test('a JSON answer is returned, with Accept: application/json and the caller\'s options', async () => {
  const { fetchFn, calls } = stub(200, '{"routes":[1]}');
  const body = await api('/api/route?from=A', { method: 'POST', body: 'x', headers: { 'Content-Type': 'application/yaml' } }, fetchFn);
  assert.deepEqual(body, { routes: [1] });
  assert.equal(calls[0].url, '/api/route?from=A');
  assert.equal(calls[0].options.method, 'POST');
  assert.deepEqual(calls[0].options.headers, { Accept: 'application/json', 'Content-Type': 'application/yaml' });
});

test('an empty answer (204) is null', async () => {
  assert.equal(await api('/api/scenarios/x', { method: 'DELETE' }, stub(204, '').fetchFn), null);
});

test('a refusal carries the server\'s message, field and status', async () => {
  const { fetchFn } = stub(400, '{"error":"unknown place \'Atlantis\'","field":"from"}');
  await assert.rejects(api('/api/route?from=Atlantis', {}, fetchFn), (e) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.message, "unknown place 'Atlantis'");
    assert.equal(e.field, 'from');
    assert.equal(e.status, 400);
    assert.equal(errorText(e), "unknown place 'Atlantis' (field: from)");
    assert.equal(errorText(e, 'Scenario not saved'), "Scenario not saved: unknown place 'Atlantis' (field: from)");
    return true;
  });
});

test('an error page that is not JSON is named by path and status, without the query', async () => {
  const { fetchFn } = stub(502, '<html>Bad gateway</html>', 'Bad Gateway');
  await assert.rejects(api('/api/critical?top=5', {}, fetchFn), (e) => {
    assert.equal(e.message, '/api/critical: HTTP 502 Bad Gateway');
    assert.equal(e.field, null);
    assert.equal(e.status, 502);
    assert.equal(errorText(e), '/api/critical: HTTP 502 Bad Gateway');
    return true;
  });
});

test('a 200 answer that is not JSON is an error, not a crash later', async () => {
  await assert.rejects(api('/api/network', {}, stub(200, 'not json').fetchFn),
    { name: 'ApiError', message: '/api/network: the answer is not JSON' });
});

test('an unreachable server is said so', async () => {
  const fetchFn = async () => { throw new TypeError('Failed to fetch'); };
  await assert.rejects(api('/api/route', {}, fetchFn), (e) => {
    assert.equal(e.message, 'Could not reach the Caravan server (Failed to fetch)');
    assert.equal(e.status, 0);
    return true;
  });
});

test('a cancelled request stays an AbortError, to be ignored', async () => {
  const abort = new AbortController();
  const fetchFn = async (url, options) => {
    assert.equal(options.signal, abort.signal);
    const e = new Error('The operation was aborted'); e.name = 'AbortError'; throw e;
  };
  abort.abort();
  await assert.rejects(api('/api/route', { signal: abort.signal }, fetchFn), (e) => isAbort(e) && !(e instanceof ApiError));
  assert.equal(isAbort(new ApiError('x')), false);
  assert.equal(isAbort(null), false);
});

test('errorText of plain errors and strings', () => {
  assert.equal(errorText(new Error('boom')), 'boom');
  assert.equal(errorText('text'), 'text');
});
