-- wrk script: speak as the TLS proxy would, and print the results as one JSON line.
wrk.headers["X-Forwarded-Proto"] = "https"

-- BENCH_PATHS (space-separated) spreads the requests over several pages (the soak).
-- BENCH_URLS names a file of paths, one a line (the varied workload): each thread takes
-- every n-th line and sends each once, in order; "repeated" in the result says how many
-- requests had to reuse a path because the file ran out (it should be 0).
local threads = {}
local thread_count = tonumber(os.getenv("BENCH_THREADS") or "2")

setup = function(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

paths = {}
counter = 0
available = 0

init = function(args)
  local file = os.getenv("BENCH_URLS")
  if file and file ~= "" then
    local line_number = 0
    for line in io.lines(file) do
      if line_number % thread_count == id then
        table.insert(paths, line)
      end
      line_number = line_number + 1
    end
    available = #paths
  else
    for path in string.gmatch(os.getenv("BENCH_PATHS") or "", "%S+") do
      table.insert(paths, path)
    end
  end
end

request = function()
  if #paths == 0 then
    return wrk.format(nil)
  end
  counter = counter + 1
  return wrk.format(nil, paths[((counter - 1) % #paths) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors
  local repeated = 0
  for _, thread in ipairs(threads) do
    local sent, available = thread:get("counter") or 0, thread:get("available") or 0
    if available > 0 and sent > available then
      repeated = repeated + sent - available
    end
  end
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, ' ..
    '"max_ms": %.2f, "non_2xx": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d, ' ..
    '"repeated": %d}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout, repeated))
end
