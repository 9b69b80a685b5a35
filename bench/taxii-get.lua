-- wrk script: GETs the pages of a collection in turn (the URL paths listed in PAGES, one per line,
-- each a page of up to 100 objects as a paging client asks for them), with HTTP Basic (AUTH).
local started = 0

function setup(thread)
  thread:set("id", started)
  started = started + 1
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("PAGES")) do
    table.insert(paths, line)
  end
  n = id
  wrk.headers["Accept"] = "application/taxii+json;version=2.1"
  wrk.headers["Authorization"] = os.getenv("AUTH")
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
