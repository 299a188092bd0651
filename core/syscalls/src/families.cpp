// Family lookups over the syscall table's families column.
#include "golden/syscalls/families.hpp"

#include <array>

#include "golden/syscalls/syscall_table.hpp"

namespace golden::syscalls {
namespace {

constexpr std::array<std::string_view, kFamilyCount> kFamilyNames{
    "read",          "write", "positional",  "vectored",   "receive", "send",
    "multi_message", "copy",  "splice",      "open",       "accept",  "dup",
    "pipe",          "spawn", "exec",        "child_wait", "poll",    "signal_wait",
    "wait",          "sleep", "signal_send", "clock_read"};

bool in(const SyscallInfo* info, Family f) {
  return info != nullptr && (info->families & bit(f)) != 0;
}

}  // namespace

std::string_view family_name(Family f) {
  return kFamilyNames.at(static_cast<std::size_t>(f));
}

bool has_family(std::string_view name, Family f) {
  return in(syscall_by_name(name), f);
}

bool has_family(int nr, Family f) {
  return in(syscall_by_nr(nr), f);
}

bool has_any_family(std::string_view name, std::initializer_list<Family> families) {
  const SyscallInfo* info = syscall_by_name(name);
  for (Family f : families)
    if (in(info, f)) return true;
  return false;
}

}  // namespace golden::syscalls
