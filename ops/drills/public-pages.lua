-- wrk script: the public pages in turn (home, the draw list, the demo draw, the audit key, the sign-in page).
-- wrk reports any non-2xx/3xx answer ("Non-2xx or 3xx responses") and socket errors itself.
local paths = { "/", "/public/draws", "/public/draws/1", "/public/audit-key.pem", "/login" }
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, socket errors connect %d read %d write %d timeout %d, status errors %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
