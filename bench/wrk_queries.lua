-- wrk script: each request asks /api/search for the next query of bench/queries.tsv, in turn.
local queries = {}
local next_query = 0

local function url_encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

init = function(args)
  for line in io.lines(args[1] or "bench/queries.tsv") do
    local query = line:match("^[^\t]*\t(.*)$")
    if query then table.insert(queries, "/api/search?q=" .. url_encode(query)) end
  end
  next_query = math.random(#queries)
end

request = function()
  next_query = next_query % #queries + 1
  return wrk.format("GET", queries[next_query])
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d p50=%.2f p95=%.2f p99=%.2f rps=%.1f\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
