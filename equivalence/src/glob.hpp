// Path globs for ignore_paths, allow rules, templates and noise lists:
//   `*` any characters except '/', `?` one character except '/', `[abc]`/`[a-z]`/`[!a]`
//   a character class, `**` as a whole component any number of components (also none).
// A pattern that ends in "/**" also matches the directory itself.
#pragma once

#include <string_view>

namespace golden::eqv {

bool glob_match(std::string_view pattern, std::string_view path);
// Whether some prefix of `path` made of whole components matches `pattern`; returns
// the prefix length, or 0 when none does (used for templates: "/home/*" on
// "/home/ann/x" gives 9).
std::size_t glob_prefix(std::string_view pattern, std::string_view path);
// Whether `pattern` has any wildcard.
bool has_wildcard(std::string_view pattern);

}  // namespace golden::eqv
