// Lexical path handling: no filesystem access (the tracee's view of the filesystem is
// not the tracer's, and a look-up per syscall would be slow).
#pragma once

#include <string>
#include <string_view>

namespace golden::detail {

// Folds "//", "." and ".." without touching the filesystem ("/a/./b/../c/" -> "/a/c").
// ".." at the root stays at the root; a relative path keeps its leading "..".
std::string normalize_path(std::string_view path);

// `path` made absolute against `base` (a directory) and normalized. When `path` is
// relative and `base` is not an absolute path (unknown cwd, a dirfd that is a pipe...),
// the result is the normalized relative path.
std::string resolve_path(std::string_view path, std::string_view base);

}  // namespace golden::detail
