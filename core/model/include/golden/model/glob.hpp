// The one glob of golden: every path and name pattern users write — renacer.toml's
// forbidden/required paths and endpoints, [compare]'s ignore_paths, allow rules,
// templates and noise lists, the GoogleTest matchers:
//   `*` any characters except '/', `?` one character except '/', `[abc]`/`[a-z]`/`[!a]`
//   a character class (a '[' without its ']' is literal), `\x` the character x itself,
//   `**` as a whole component any number of components (also none).
// A pattern that ends in "/**" also matches the directory itself; a pattern without
// wildcards that ends in '/' matches everything below that directory.
#pragma once

#include <string_view>

namespace golden {

bool glob_match(std::string_view pattern, std::string_view path);
// Whether some prefix of `path` made of whole components matches `pattern`; returns
// the prefix length, or 0 when none does (used for templates: "/home/*" on
// "/home/ann/x" gives 9).
std::size_t glob_prefix(std::string_view pattern, std::string_view path);
// Whether `pattern` has any wildcard (or escape).
bool has_wildcard(std::string_view pattern);

}  // namespace golden
