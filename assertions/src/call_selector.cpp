#include "call_selector.hpp"

#include <algorithm>

#include "golden/syscalls/syscall_table.hpp"

namespace golden::detail {

bool call_selected(const CallSelector& sel, const Event& e, const ProcessFilter& filter) {
  if (e.kind != EventKind::Syscall || !filter.selects(e.pid)) return false;
  if (sel.syscalls.empty() && sel.classes == 0) return true;
  if (std::find(sel.syscalls.begin(), sel.syscalls.end(), e.name) != sel.syscalls.end())
    return true;
  if (sel.classes == 0) return false;
  const SyscallInfo* info = syscall_by_nr(e.nr);
  if (info == nullptr) info = syscall_by_name(e.name);
  return info != nullptr && (info->classes & sel.classes) != 0;
}

std::string describe_selector(const CallSelector& sel) {
  std::string out;
  for (const std::string& s : sel.syscalls) out += (out.empty() ? "" : ", ") + s;
  for (std::uint16_t bit = 1; bit != 0; bit = static_cast<std::uint16_t>(bit << 1))
    if ((sel.classes & bit) != 0)
      out += (out.empty() ? "%" : ", %") + std::string(class_name(static_cast<SyscallClass>(bit)));
  out = out.empty() ? "all syscalls" : out + " calls";
  if (!sel.process_name_pattern.empty())
    out += " of processes matching '" + sel.process_name_pattern + "'";
  return out;
}

}  // namespace golden::detail
