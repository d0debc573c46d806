-- An invoice with its rows, as an ERP reads one: GET invoice/<id>/ then
-- GET invoicerow/?invoice__is=<id>, on random invoices. A pair is two requests of wrk's count.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
local ids, token, prefix
local pending

setup = common.setup
done = common.done

function init(args)
  ids, token, prefix = common.load()
  math.randomseed(os.time() * 1000 + thread_number)
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  if pending then
    local id = pending
    pending = nil
    return wrk.format("GET", prefix .. "invoicerow/?invoice__is=" .. id)
  end
  pending = ids[math.random(#ids)]
  return wrk.format("GET", prefix .. "invoice/" .. pending .. "/")
end
