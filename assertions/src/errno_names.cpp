// glibc names every errno (strerrorname_np, glibc >= 2.32): no table to keep in sync.
#include "errno_names.hpp"

#include <string.h>

#include <cstring>

namespace golden::detail {

std::optional<int> errno_from_name(std::string_view name) {
  // EWOULDBLOCK and EDEADLOCK are aliases glibc names by their twins.
  if (name == "EWOULDBLOCK") name = "EAGAIN";
  if (name == "EDEADLOCK") name = "EDEADLK";
  if (name == "ENOTSUP") name = "EOPNOTSUPP";
  for (int e = 1; e < 4096; ++e) {
    const char* n = strerrorname_np(e);
    if (n != nullptr && name == n) return e;
  }
  return std::nullopt;
}

std::string errno_name(int err) {
  const char* n = strerrorname_np(err);
  return n != nullptr ? std::string(n) : "E" + std::to_string(err);
}

}  // namespace golden::detail
