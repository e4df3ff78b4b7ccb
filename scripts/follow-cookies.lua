-- wrk script: each thread sends back the cookie the last response set, as a browser does, so
-- that every request carries a value the node has not opened yet. scripts/load-test puts its
-- counting script first, renaming that script's response() to counted().
local cookie = nil

function request()
    if cookie then wrk.headers["Cookie"] = cookie end
    return wrk.format()
end

function response(status, headers, body)
    if counted then counted(status, headers) end
    for name, value in pairs(headers) do
        if string.lower(name) == "set-cookie" then cookie = string.match(value, "^([^;]*)") end
    end
end
