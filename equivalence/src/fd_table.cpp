#include "fd_table.hpp"

#include <vector>

namespace golden::eqv {

FdRef FdTables::make(FdTarget::Kind kind, std::string path, std::string desc) {
  FdTarget& t = targets_.emplace_back();
  t.kind = kind;
  t.desc_is_path_ = !path.empty() && desc == path;
  if (!t.desc_is_path_) t.desc_ = std::move(desc);
  t.path = std::move(path);
  return &t;
}

FdRef FdTables::from_description(std::int64_t fd, const std::string& desc) {
  using K = FdTarget::Kind;
  // The conventional numbers are the best guess for a process the walk never saw start.
  if (fd == 1) return make(K::Stdout, {}, desc);
  if (fd == 2) return make(K::Stderr, {}, desc);
  if (fd == 0) return make(K::Stdin, {}, desc);
  if (desc == "/dev/null") return make(K::Null, desc, desc);
  if (desc.starts_with("/")) return make(K::File, desc, desc);
  if (desc.starts_with("pipe:")) return make(K::Pipe, {}, desc);
  if (desc.starts_with("socket:")) return make(K::Socket, {}, desc);
  return make(K::Other, {}, desc);
}

void FdTables::init_root(Pid pid) {
  Table& t = tables_[pid.value];
  if (t.low.size() < 3) t.low.resize(3);
  t.low[0] = make(FdTarget::Kind::Stdin);
  t.low[1] = make(FdTarget::Kind::Stdout);
  t.low[2] = make(FdTarget::Kind::Stderr);
}

void FdTables::fork(Pid parent, Pid child) {
  auto it = tables_.find(parent.value);
  if (it != tables_.end()) {
    tables_[child.value] = it->second;
  } else {
    tables_[child.value] = Table{};
  }
  umask_[child.value] = umask(parent);
}

FdRef FdTables::get(Pid pid, std::int64_t fd) const {
  auto it = tables_.find(pid.value);
  if (it == tables_.end() || fd < 0) return nullptr;
  const Table& t = it->second;
  if (fd < kDense) return static_cast<std::size_t>(fd) < t.low.size() ? t.low[static_cast<std::size_t>(fd)] : nullptr;
  auto f = t.high.find(fd);
  return f == t.high.end() ? nullptr : f->second;
}

void FdTables::set(Pid pid, std::int64_t fd, FdRef target) {
  if (fd < 0) return;
  Table& t = tables_[pid.value];
  if (fd < kDense) {
    const auto i = static_cast<std::size_t>(fd);
    if (t.low.size() <= i) t.low.resize(i + 1);
    t.low[i] = target;
  } else {
    t.high[fd] = target;
  }
}

void FdTables::close(Pid pid, std::int64_t fd) {
  auto it = tables_.find(pid.value);
  if (it == tables_.end() || fd < 0) return;
  Table& t = it->second;
  if (fd < kDense) {
    if (static_cast<std::size_t>(fd) < t.low.size()) t.low[static_cast<std::size_t>(fd)] = nullptr;
  } else {
    t.high.erase(fd);
  }
}

void FdTables::close_range(Pid pid, std::uint64_t first, std::uint64_t last) {
  auto it = tables_.find(pid.value);
  if (it == tables_.end()) return;
  Table& t = it->second;
  for (std::uint64_t fd = first; fd <= last && fd < t.low.size(); ++fd) t.low[fd] = nullptr;
  std::vector<std::int64_t> gone;
  for (const auto& [fd, ref] : t.high)
    if (static_cast<std::uint64_t>(fd) >= first && static_cast<std::uint64_t>(fd) <= last)
      gone.push_back(fd);
  for (std::int64_t fd : gone) t.high.erase(fd);
}

unsigned FdTables::umask(Pid pid) const {
  auto it = umask_.find(pid.value);
  return it == umask_.end() ? 022u : it->second;
}

void FdTables::set_umask(Pid pid, unsigned mask) { umask_[pid.value] = mask & 0777u; }

}  // namespace golden::eqv
