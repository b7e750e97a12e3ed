-- wrk script for bench/load.sh: cycles route queries over eight origin-destination pairs and prints the
-- figures load.sh records (requests/s, p50/p99 latency in ms, errors) as KEY=VALUE lines.
local pairs_ = {
  {"Almaty", "Karachi"}, {"Tashkent", "Bandar%20Abbas"}, {"Kostanay", "Bandar%20Abbas"}, {"Bishkek", "Istanbul"},
  {"Termez", "Peshawar"}, {"Dushanbe", "Karachi"}, {"Urumqi", "Tehran"}, {"Khorgos", "Mersin"},
}
local extra = os.getenv("CARAVAN_LOAD_QUERY") or "&cargo=container"
local i = 0

request = function()
  i = i + 1
  local p = pairs_[(i % #pairs_) + 1]
  return wrk.format("GET", "/api/route?from=" .. p[1] .. "&to=" .. p[2] .. extra)
end

local non2xx = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d\n", summary.requests))
  io.write(string.format("RESULT seconds=%.2f\n", seconds))
  io.write(string.format("RESULT rps=%.1f\n", summary.requests / seconds))
  io.write(string.format("RESULT p50_ms=%.1f\n", latency:percentile(50) / 1000))
  io.write(string.format("RESULT p99_ms=%.1f\n", latency:percentile(99) / 1000))
  io.write(string.format("RESULT max_ms=%.1f\n", latency.max / 1000))
  io.write(string.format("RESULT errors=%d\n", e.connect + e.read + e.write + e.timeout + e.status))
end
