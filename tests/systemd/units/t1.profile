# check 1's profile: a path (it contains '/'), one directive.
deny uname
