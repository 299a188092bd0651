// errno names both ways ("ENOENT" <-> 2), for error_count's `errno` field and reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace golden::detail {

std::optional<int> errno_from_name(std::string_view name);
// "ENOENT"; "E<n>" for a number glibc has no name for.
std::string errno_name(int err);

}  // namespace golden::detail
