-- wrk script: POSTs prepared TAXII envelopes (one file per request, never the same twice per run)
-- to the inbox URL given to wrk, with HTTP Basic. Environment: ENVELOPES (file listing the envelope
-- files), AUTH (the Authorization header value), THREADS (wrk's -t).
local started = 0

function setup(thread)
  thread:set("id", started)
  started = started + 1
end

function init(args)
  bodies = {}
  local list = io.open(os.getenv("ENVELOPES"))
  local i = 0
  for path in list:lines() do
    -- each thread takes every nth file, so no two requests of a run post the same concern
    if i % tonumber(os.getenv("THREADS")) == id then
      local f = io.open(path)
      table.insert(bodies, f:read("*a"))
      f:close()
    end
    i = i + 1
  end
  list:close()
  next_body = 1
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/taxii+json;version=2.1"
  wrk.headers["Accept"] = "application/taxii+json;version=2.1"
  wrk.headers["Authorization"] = os.getenv("AUTH")
end

function request()
  local body = bodies[next_body]
  if body == nil then
    body = bodies[#bodies]   -- ran out: repeats the last one (an "already present" success); size N up
  else
    next_body = next_body + 1
  end
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors: status %d, connect %d, read %d, write %d, timeout %d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
end
