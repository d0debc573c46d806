-- POST invoicepayment/: a card payment of 0.01 on a random open invoice, each request with an
-- Idempotency-Key of its own (so vetbill writes its idempotency row, as a careful ERP's would).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
local ids, token, prefix
local n = 0

setup = common.setup
done = common.done

function init(args)
  ids, token, prefix = common.load()
  math.randomseed(os.time() * 1000 + thread_number)
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local id = ids[math.random(#ids)]
  local body = '{"invoice": ' .. id .. ', "payment_type": 0, "paid": "0.01"}'
  wrk.headers["Idempotency-Key"] = string.format("bench-%d-%d-%d-%d", os.time(), thread_number, n, math.random(1000000000))
  return wrk.format(nil, prefix .. "invoicepayment/", nil, body)
end
