// Lookups over the syscall table: by number through a dense index (O(1)), by name
// through an index sorted by name (binary search).
#include "golden/syscalls/syscall_table.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "syscall_table_data.hpp"

namespace golden {
namespace {

struct ClassName {
  SyscallClass cls;
  std::string_view name;
};

constexpr ClassName kClassNames[] = {
    {kClassFile, "file"},     {kClassNetwork, "network"}, {kClassProcess, "process"},
    {kClassMemory, "memory"}, {kClassSignal, "signal"},   {kClassIpc, "ipc"},
    {kClassDesc, "desc"},     {kClassCreds, "creds"},     {kClassClock, "clock"},
    {kClassStat, "stat"},
};

struct Indexes {
  std::vector<std::int16_t> by_nr;    // nr -> position in the table, -1 for a gap
  std::vector<std::uint16_t> by_name; // positions sorted by name
};

const Indexes& indexes() {
  static const Indexes idx = [] {
    const auto table = detail::syscall_table_data();
    Indexes out;
    out.by_nr.assign(static_cast<std::size_t>(table.back().nr) + 1, -1);
    for (std::size_t i = 0; i < table.size(); ++i) {
      out.by_nr[static_cast<std::size_t>(table[i].nr)] = static_cast<std::int16_t>(i);
      out.by_name.push_back(static_cast<std::uint16_t>(i));
    }
    std::sort(out.by_name.begin(), out.by_name.end(),
              [&](std::uint16_t a, std::uint16_t b) { return table[a].name < table[b].name; });
    return out;
  }();
  return idx;
}

}  // namespace

std::string_view class_name(SyscallClass c) {
  for (const ClassName& cn : kClassNames) {
    if (cn.cls == c) return cn.name;
  }
  return c == kClassNone ? "none" : "";
}

std::optional<SyscallClass> class_from_name(std::string_view name) {
  if (name.starts_with('%')) name.remove_prefix(1);
  for (const ClassName& cn : kClassNames) {
    if (cn.name == name) return cn.cls;
  }
  return std::nullopt;
}

std::span<const SyscallInfo> all_syscalls() { return detail::syscall_table_data(); }

const SyscallInfo* syscall_by_nr(int nr) {
  const Indexes& idx = indexes();
  if (nr < 0 || static_cast<std::size_t>(nr) >= idx.by_nr.size()) return nullptr;
  const std::int16_t pos = idx.by_nr[static_cast<std::size_t>(nr)];
  return pos < 0 ? nullptr : &detail::syscall_table_data()[static_cast<std::size_t>(pos)];
}

const SyscallInfo* syscall_by_name(std::string_view name) {
  const auto table = detail::syscall_table_data();
  const auto& by_name = indexes().by_name;
  auto it = std::lower_bound(by_name.begin(), by_name.end(), name,
                             [&](std::uint16_t pos, std::string_view n) { return table[pos].name < n; });
  if (it == by_name.end() || table[*it].name != name) return nullptr;
  return &table[*it];
}

int max_syscall_nr() { return detail::syscall_table_data().back().nr; }

}  // namespace golden
