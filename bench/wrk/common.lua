-- Shared by the benchmark's wrk scripts: the invoice ids (one per line, in the file named by
-- BENCH_IDS), the bearer token (BENCH_TOKEN) and the Cloud API prefix (BENCH_PREFIX, such as
-- /7001/api/0.1/). Each wrk thread gets a number of its own in setup, for unique keys.
local common = {}

local counter = 0
function common.setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
end

function common.load()
  local ids = {}
  for line in io.lines(os.getenv("BENCH_IDS")) do
    ids[#ids + 1] = line
  end
  return ids, os.getenv("BENCH_TOKEN"), os.getenv("BENCH_PREFIX")
end

-- counts the answers that are not 2xx, which wrk only reports for 4xx and 5xx together
function common.done(summary, latency, requests)
  io.write(string.format("requests=%d errors_status=%d errors_connect=%d errors_timeout=%d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.timeout))
end

return common
