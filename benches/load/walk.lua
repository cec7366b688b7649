-- wrk script: replays the paths of walk.txt in order, each connection from its own
-- offset, cycling. Usage: wrk -s walk.lua URL -- walk.txt
local paths = {}
local i = 0

function init(args)
  for line in io.lines(args[1] or "walk.txt") do
    paths[#paths + 1] = line
  end
  -- spread connections over the walk so they do not ask the same tile together
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
