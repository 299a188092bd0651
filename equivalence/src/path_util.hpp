// Lexical path helpers (no filesystem access: traces may come from another machine).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace golden::eqv {

// `path` made absolute against `cwd` (when relative) and normalized: "." and empty
// components dropped, ".." applied lexically. "" stays "".
std::string absolute_path(std::string_view cwd, std::string_view path);
std::string_view basename(std::string_view path);
std::string_view dirname(std::string_view path);  // "/a/b" -> "/a", "/a" -> "/"
// Whether `path` is `dir` or lies below it.
bool path_under(std::string_view path, std::string_view dir);
// Whether some path of `sorted` (ascending) lies strictly below `dir`.
bool any_below(const std::vector<std::string_view>& sorted, std::string_view dir);

}  // namespace golden::eqv
