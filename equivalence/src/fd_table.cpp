#include "fd_table.hpp"

#include <vector>

namespace golden::eqv {

FdRef FdTables::make(FdTarget::Kind kind, std::string path, std::string desc) {
  auto t = std::make_shared<FdTarget>();
  t->kind = kind;
  t->path = std::move(path);
  t->desc = std::move(desc);
  return t;
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
  auto& t = tables_[pid.value];
  t[0] = make(FdTarget::Kind::Stdin);
  t[1] = make(FdTarget::Kind::Stdout);
  t[2] = make(FdTarget::Kind::Stderr);
}

void FdTables::fork(Pid parent, Pid child) {
  auto it = tables_.find(parent.value);
  if (it != tables_.end()) {
    tables_[child.value] = it->second;
  } else {
    tables_[child.value].clear();
  }
  umask_[child.value] = umask(parent);
}

FdRef FdTables::get(Pid pid, std::int64_t fd) const {
  auto it = tables_.find(pid.value);
  if (it == tables_.end()) return nullptr;
  auto f = it->second.find(fd);
  return f == it->second.end() ? nullptr : f->second;
}

void FdTables::set(Pid pid, std::int64_t fd, FdRef target) {
  if (fd < 0) return;
  tables_[pid.value][fd] = std::move(target);
}

void FdTables::close(Pid pid, std::int64_t fd) {
  auto it = tables_.find(pid.value);
  if (it != tables_.end()) it->second.erase(fd);
}

void FdTables::close_range(Pid pid, std::uint64_t first, std::uint64_t last) {
  auto it = tables_.find(pid.value);
  if (it == tables_.end()) return;
  std::vector<std::int64_t> gone;
  for (const auto& [fd, ref] : it->second)
    if (fd >= 0 && static_cast<std::uint64_t>(fd) >= first && static_cast<std::uint64_t>(fd) <= last)
      gone.push_back(fd);
  for (std::int64_t fd : gone) it->second.erase(fd);
}

unsigned FdTables::umask(Pid pid) const {
  auto it = umask_.find(pid.value);
  return it == umask_.end() ? 022u : it->second;
}

void FdTables::set_umask(Pid pid, unsigned mask) { umask_[pid.value] = mask & 0777u; }

}  // namespace golden::eqv
