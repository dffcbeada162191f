-- wrk: POST a different comment each time (the service refuses the same text twice as a resend).
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id or 0
  math.randomseed(os.time() + thread_id * 7919)
  thread_id = thread_id * 1000000 + math.random(1, 999999)  -- distinct texts across threads and runs
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"author_name": "Reader %d", "author_email": "reader%d-%d@example.org", "body": "Comment %d-%d about the council budget: the figures should be published before the vote."}',
    counter, thread_id, counter, thread_id, counter)
  return wrk.format("POST", "/v1/articles/bench-article/comments", {["Content-Type"] = "application/json"}, body)
end
