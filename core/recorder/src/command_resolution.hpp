// Finding the program to execute the way execvp(3) does, before anything is forked,
// so "command not found" is an Error and not a run of a dead child.
#pragma once

#include <string>

#include "golden/model/result.hpp"

namespace golden::rec {

// The path to exec for `name`: `name` itself when it contains a '/', else the first
// executable regular file in $PATH (default "/usr/local/bin:/usr/bin:/bin").
// Error: "cannot execute 'nosuch': No such file or directory" (or EACCES, EISDIR...).
Result<std::string> resolve_command(const std::string& name, const char* path_env);

}  // namespace golden::rec
