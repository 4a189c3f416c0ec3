-- wrk script for the public entity lookup (issue 7, docs/performance.md "Public entity lookup").
-- Each request picks one of the paths in the file named by the environment variable PATHS (one path a line,
-- written by PublicLookupBenchmark), in turn per thread; at the end it prints the percentiles as one line
-- that the benchmark parses: "RESULT requests=… errors=… non2xx=… p50_ms=… p95_ms=… p99_ms=… rps=…".
local paths = {}
local index = 0

function init(args)
  local file = assert(io.open(os.getenv("PATHS"), "r"))
  for line in file:lines() do
    if #line > 0 then
      table.insert(paths, line)
    end
  end
  file:close()
  index = math.random(#paths)
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f rps=%.1f\n",
    summary.requests, errors, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1000000)))
end
