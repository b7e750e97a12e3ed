#!/usr/bin/env python3
"""Hostile-client test of a running `caravan serve` (bench/abuse.sh starts one): a bad-input matrix over every
path of /openapi.json, slow clients, and a burst of expensive Pareto requests, with /api/health and a single
route probed during the burst. Python standard library only; loopback only; every phase bounded in time.

Usage: abuse.py PORT SERVER_PID [BURST=200]
Prints one RESULT key=value line per figure (abuse.sh formats them)."""
import http.client
import json
import socket
import sys
import threading
import time
import urllib.parse

PORT = int(sys.argv[1])
PID = int(sys.argv[2])
BURST = int(sys.argv[3]) if len(sys.argv) > 3 else 200
HOST = "127.0.0.1"
HEAVY = ("/api/route?from=Almaty&to=Karachi&pareto=true&max_labels=500000&budget_ms=5000&samples=100000"
         "&pareto_tolerance=0")

lock = threading.Lock()
stats = {"tried": 0, "2xx": 0, "json_4xx": 0, "5xx": 0, "shed_503": 0, "non_json": 0, "no_answer": 0}
examples = {"5xx": [], "non_json": [], "no_answer": []}


def rss_mb():
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def raw(request: bytes, timeout=30.0, close_output=False, pause_after=None):
    """Sends the bytes as given; returns (status, headers dict, body bytes, seconds) or None without an answer."""
    t0 = time.monotonic()
    try:
        with socket.create_connection((HOST, PORT), timeout=timeout) as s:
            s.sendall(request)
            if close_output:
                s.shutdown(socket.SHUT_WR)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            if b"\r\n\r\n" not in data:
                return None
            head, body = data.split(b"\r\n\r\n", 1)
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {}
            for l in lines[1:]:
                if ":" in l:
                    k, v = l.split(":", 1)
                    headers[k.strip().lower()] = v.strip()
            if "content-length" in headers:
                n = int(headers["content-length"])
                while len(body) < n:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    body += chunk
            elif headers.get("transfer-encoding", "").lower() == "chunked":
                while not body.endswith(b"0\r\n\r\n"):
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    body += chunk
                body = dechunk(body)
            else:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    body += chunk
            return status, headers, body, time.monotonic() - t0
    except (OSError, ValueError, IndexError):
        return None


def dechunk(b):
    out = b""
    while b:
        line, _, rest = b.partition(b"\r\n")
        try:
            n = int(line.split(b";")[0], 16)
        except ValueError:
            return out
        if n == 0:
            return out
        out += rest[:n]
        b = rest[n + 2:]
    return out


def build(method, target, headers=None, body=None, host=None):
    h = {"Host": host or f"{HOST}:{PORT}", "Connection": "close"}
    h.update(headers or {})
    if body is not None and "Content-Length" not in h:
        h["Content-Length"] = str(len(body))
    req = f"{method} {target} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in h.items()) + "\r\n"
    return req.encode("latin-1", "replace") + (body or b"")


def is_json_error(headers, body):
    if "json" not in headers.get("content-type", ""):
        return False
    try:
        j = json.loads(body)
    except ValueError:
        return False
    return isinstance(j, dict) and isinstance(j.get("error"), str) and "field" in j


def record(label, reply, method="GET"):
    with lock:
        stats["tried"] += 1
        if reply is None:
            stats["no_answer"] += 1
            if len(examples["no_answer"]) < 5:
                examples["no_answer"].append(label)
            return
        status, headers, body, _ = reply
        if status == 505 and label.startswith("junk"):
            # Jetty's answer to an unknown HTTP version: the protocol's own status, in the JSON shape
            stats["protocol_505"] = stats.get("protocol_505", 0) + 1
            if not is_json_error(headers, body):
                stats["non_json"] += 1
        elif status >= 500:
            if status == 503 and "retry-after" in headers and is_json_error(headers, body):
                stats["shed_503"] += 1
            else:
                stats["5xx"] += 1
                if len(examples["5xx"]) < 5:
                    examples["5xx"].append(f"{label} -> {status} {body[:120]!r}")
            if not is_json_error(headers, body):
                stats["non_json"] += 1
        elif status >= 400:
            if method != "HEAD" and not is_json_error(headers, body):
                stats["non_json"] += 1
                if len(examples["non_json"]) < 5:
                    examples["non_json"].append(f"{label} -> {status} {body[:120]!r}")
            else:
                stats["json_4xx"] += 1
        else:
            stats["2xx"] += 1


# ----------------------------------------------------------------------------------------------- bad-input matrix

BAD_VALUES = ["", "x", "-1", "0", "1e309", "NaN", "-Infinity", "99999999999999999999", "1.5", "true,false",
              "\u03a9\u00e9", "<script>alert(1)</script>", "../../etc/passwd", "'; DROP TABLE x; --", "a" * 3000,
              "KZALA,,,", "=", "%00"]
RAW_BAD = ["%zz", "%C3%28", "%", "%E2%82", "%FF%FE"]


def matrix():
    spec = json.loads(raw(build("GET", "/openapi.json"))[2])
    jobs = []
    for path, ops in spec["paths"].items():
        concrete = path.replace("{id}", "torkham-closed")
        declared = set(m.upper() for m in ops if m in ("get", "post", "put", "delete", "patch"))
        params = []
        for m, op in ops.items():
            if isinstance(op, dict):
                params += [p["name"] for p in op.get("parameters", []) if p.get("in") == "query"]
        params = sorted(set(params))
        base_q = "from=Almaty&to=Karachi" if "from" in params else ""
        for p in params:
            for v in BAD_VALUES:
                q = (base_q + "&" if base_q and p not in ("from", "to") else "") + p + "=" + urllib.parse.quote(v, safe="")
                jobs.append(("GET", concrete + "?" + q, None, {}))
            for v in RAW_BAD:
                jobs.append(("GET", concrete + "?" + p + "=" + v, None, {}))
        for m in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
            if m not in declared:
                jobs.append((m, concrete, b"", {}))
        jobs.append(("GET", concrete + "?" + "q=" + "a" * 9000, None, {}))
        for bad_id in ("a" * 5000, "%2e%2e", "..%2f..%2fetc", "%C3%28", "<b>"):
            if "{id}" in path:
                jobs.append(("GET", path.replace("{id}", bad_id), None, {}))
                jobs.append(("DELETE", path.replace("{id}", bad_id), None, {}))
    # bodies
    good = b"id: abuse-ok\ntitle: t\nrationale: r\nsources: [s]\nchanges:\n  close: [Torkham]\n"
    for body in (b"", b"\x00\xff\xfe", b"{", b"[]", b"id: [", b"id: " + b"a" * 8192 + b"\ntitle: t\n",
                 good.replace(b"abuse-ok", b"a" * 8192), good.replace(b"abuse-ok", b"torkham-closed"),
                 b"x" * 70000, good.replace(b"Torkham", b"Nowhere")):
        jobs.append(("POST", "/api/scenarios", body, {"Content-Type": "application/yaml"}))
    jobs.append(("POST", "/api/scenarios", good, {"Origin": "http://evil.example", "Content-Type": "text/plain"}))
    jobs.append(("POST", "/api/scenarios", good, {"Sec-Fetch-Site": "cross-site"}))
    jobs.append(("DELETE", "/api/scenarios/abuse-ok", None, {"Origin": "null"}))
    part = (b"--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
            b"freqCode,refYear,reporterCode,partnerCode,flowCode,cmdCode,primaryValue\nA,2020,398,4,X,10,1\r\n--B--\r\n")
    for ctype, body in (("multipart/form-data", part), ("multipart/form-data; boundary=OTHER", part),
                        ("multipart/form-data; boundary=B", b""), ("multipart/form-data; boundary=B", part[:40]),
                        ("multipart/form-data; boundary=B", b"--B--\r\n"), ("text/csv", b"\x1f\x8b\x08garbage"),
                        ("text/csv", b"not,a,comtrade\nfile\n")):
        jobs.append(("POST", "/api/trade/imports", body, {"Content-Type": ctype}))
    for target in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/webjars/..%2f..%2f..%2fetc/passwd",
                   "/api/%2e%2e/openapi.json", "//api//health", "/api/health/", "/no/such", "/api/nope",
                   "/index.html%00", "/" + "a" * 9000):
        jobs.append(("GET", target, None, {}))
    hosts = [("GET", "/api/health", None, {"__host": "evil.example"}),
             ("GET", "/api/scenarios", None, {"__host": "attacker.example:" + str(PORT)})]
    jobs += hosts
    big_header = ("GET", "/api/health", None, {"X-Big": "b" * 10000})
    jobs.append(big_header)

    def run(job):
        m, target, body, headers = job
        host = headers.pop("__host", None) if "__host" in headers else None
        for attempt in range(6):  # a full lane sheds with 503 + Retry-After: honour it (briefly) and retry
            r = raw(build(m, target, dict(headers), body, host=host), timeout=40)
            if r is None or r[0] != 503 or "retry-after" not in r[1] or attempt == 5:
                break
            time.sleep(0.5 + attempt)
        record(f"{m} {target[:80]}", r, m)

    threads = []
    sem = threading.Semaphore(8)

    def worker(job):
        with sem:
            run(job)

    for job in jobs:
        t = threading.Thread(target=worker, args=(job,))
        t.start()
        threads.append(t)
    for t in threads:
        t.join(60)
    # garbage request lines
    for junk in (b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03",
                 b"GET /api/health HTTP/1.1\r\nHost: \r\n\r\n"):
        record(f"junk {junk[:20]!r}", raw(junk, timeout=10))
    return len(jobs)


# ----------------------------------------------------------------------------------------------- slow clients

def probe(path, n, pause, out):
    for _ in range(n):
        r = raw(build("GET", path), timeout=30)
        out.append(r[3] if r else 30.0)
        if r is None:
            record("probe " + path, None)
        time.sleep(pause)


def slow_clients(count=300):
    socks = []
    head = (f"POST /api/scenarios HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nContent-Type: application/yaml\r\n"
            f"Content-Length: 1000\r\n\r\nid: slow\n").encode()
    for _ in range(count):
        try:
            s = socket.create_connection((HOST, PORT), timeout=30)
            s.sendall(head)
            socks.append(s)
        except OSError:
            pass
    health = []
    probe("/api/health", 20, 0.1, health)
    answered = 0
    for s in socks:
        try:
            s.settimeout(15)
            data = s.recv(65536)
            if data.startswith(b"HTTP/1.1 "):
                answered += 1
                status = int(data.split()[1])
                body = data.split(b"\r\n\r\n", 1)[1] if b"\r\n\r\n" in data else b""
                hdrs = {}
                for l in data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]:
                    if ":" in l:
                        k, v = l.split(":", 1)
                        hdrs[k.strip().lower()] = v.strip()
                record("slow body", (status, hdrs, body, 0), "POST")
            else:
                record("slow body", None, "POST")
        except OSError:
            record("slow body", None, "POST")
        finally:
            s.close()
    big = raw(f"POST /api/trade/imports HTTP/1.1\r\nHost: {HOST}\r\nContent-Length: 300000000\r\n\r\n".encode(), 40)
    record("declared 300 MB", big, "POST")
    trunc = raw(head, 40, close_output=True)
    record("truncated body", trunc, "POST")
    return health, answered, big[3] if big else None, trunc[3] if trunc else None


# ----------------------------------------------------------------------------------------------- Pareto burst

def burst():
    health, single = [], []
    done = threading.Event()

    def prober(path, out):
        while not done.is_set():
            r = raw(build("GET", path), timeout=30)
            out.append(r[3] if r else 30.0)
            if r is None or r[0] != 200:
                record("burst probe " + path, r)
            time.sleep(0.05)

    probes = [threading.Thread(target=prober, args=("/api/health", health)),
              threading.Thread(target=prober, args=("/api/route?from=Tashkent&to=Karachi", single))]
    for p in probes:
        p.start()
    codes = {}

    def one():
        r = raw(build("GET", HEAVY), timeout=120)
        record("pareto burst", r)
        with lock:
            k = r[0] if r else "none"
            codes[k] = codes.get(k, 0) + 1

    t0 = time.monotonic()
    threads = [threading.Thread(target=one) for _ in range(BURST)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(150)
    elapsed = time.monotonic() - t0
    done.set()
    for p in probes:
        p.join(40)
    return health, single, codes, elapsed


def pct(values, q):
    if not values:
        return float("nan")
    v = sorted(values)
    return v[min(len(v) - 1, max(0, int(round(q * len(v) + 0.5)) - 1))]


def main():
    # warm up: each kind of request once (a Pareto set, a brief PDF, the criticality ranking), so the start RSS is
    # that of a server that has loaded its code and filled its per-cargo caches; measured from a server that had
    # only routed, the one-time growth (classes, JIT code, PDF fonts, caches) was counted as the burst's (RELIABILITY.md)
    for _ in range(3):
        raw(build("GET", "/api/route?from=Almaty&to=Karachi&alternatives=3"), 60)
        raw(build("GET", "/api/places?q=kar"), 30)
    for path in (HEAVY, "/api/brief.pdf?from=Almaty&to=Karachi", "/api/critical?top=5"):
        raw(build("GET", path), 120)
    time.sleep(12)  # the launcher's periodic collection runs after 10 s idle
    rss0 = rss_mb()
    print(f"RESULT rss_start_mb={rss0:.0f}")
    t = time.monotonic()
    jobs = matrix()
    print(f"RESULT matrix_requests={jobs} matrix_s={time.monotonic() - t:.1f}")
    t = time.monotonic()
    sh, answered, big_s, trunc_s = slow_clients()
    print(f"RESULT slow_health_p99_ms={pct(sh, 0.99) * 1000:.0f} slow_answered={answered} "
          f"declared_413_s={big_s if big_s is None else round(big_s, 2)} "
          f"truncated_s={trunc_s if trunc_s is None else round(trunc_s, 2)} slow_s={time.monotonic() - t:.1f}")
    rss_peak_before = rss_mb()
    bh, bs, codes, elapsed = burst()
    rss_burst = rss_mb()
    print(f"RESULT burst={BURST} burst_s={elapsed:.1f} burst_codes={json.dumps(codes, sort_keys=True)}")
    print(f"RESULT health_p50_ms={pct(bh, 0.5) * 1000:.0f} health_p99_ms={pct(bh, 0.99) * 1000:.0f} "
          f"health_max_ms={max(bh) * 1000 if bh else float('nan'):.0f} health_samples={len(bh)}")
    print(f"RESULT single_p50_ms={pct(bs, 0.5) * 1000:.0f} single_p99_ms={pct(bs, 0.99) * 1000:.0f} "
          f"single_samples={len(bs)}")
    # settle: the server is idle again; RSS after (the JVM gives back heap after its periodic collection)
    rss_end = rss_mb()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and rss_end > rss0 * 1.2:
        time.sleep(5)
        rss_end = rss_mb()
    print(f"RESULT rss_before_burst_mb={rss_peak_before:.0f} rss_burst_mb={rss_burst:.0f} rss_end_mb={rss_end:.0f}")
    s = stats
    print(f"RESULT tried={s['tried']} ok_2xx={s['2xx']} json_4xx={s['json_4xx']} errors_5xx={s['5xx']} "
          f"shed_503={s['shed_503']} protocol_505={s.get('protocol_505', 0)} non_json={s['non_json']} "
          f"no_answer={s['no_answer']}")
    for k, v in examples.items():
        for e in v:
            print(f"EXAMPLE {k}: {e}")


if __name__ == "__main__":
    main()
