#include "fd_table.hpp"

#include <vector>

namespace golden::rec {

void FdTable::erase_range(std::uint64_t first, std::uint64_t last) {
  for (auto it = fds_.begin(); it != fds_.end();) {
    const auto fd = static_cast<std::uint64_t>(it->first);
    if (fd >= first && fd <= last) {
      it = fds_.erase(it);
    } else {
      ++it;
    }
  }
}

void FdTable::set_cloexec_range(std::uint64_t first, std::uint64_t last) {
  for (auto& [fd, e] : fds_) {
    const auto u = static_cast<std::uint64_t>(fd);
    if (u >= first && u <= last) e.cloexec = CloExec::Yes;
  }
}

void FdTable::forget_absent() {
  for (auto it = fds_.begin(); it != fds_.end();) {
    if (it->second.absent) {
      it = fds_.erase(it);
    } else {
      ++it;
    }
  }
}

void FdTable::apply_exec() {
  for (auto it = fds_.begin(); it != fds_.end();) {
    if (it->second.cloexec != CloExec::No || it->second.absent) {
      it = fds_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace golden::rec
