-- wrk script: speak as the TLS proxy would, and print the results as one JSON line.
wrk.headers["X-Forwarded-Proto"] = "https"

-- BENCH_PATHS (space-separated) spreads the requests over several pages (the soak).
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "", "%S+") do
  table.insert(paths, path)
end
local counter = 0

request = function()
  if #paths == 0 then
    return wrk.format(nil)
  end
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, ' ..
    '"max_ms": %.2f, "non_2xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
