#include "fd_tracker.hpp"

#include <vector>

#include "proc_files.hpp"

namespace golden::rec {

std::string join_path(const std::string& base, const std::string& path) {
  const std::string full = (!path.empty() && path[0] == '/') ? path : base + "/" + path;
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < full.size()) {
    std::size_t j = full.find('/', i);
    if (j == std::string::npos) j = full.size();
    const std::string part = full.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  return out.empty() ? "/" : out;
}

FdEntry* FdTracker::resolve(Thread& t, int fd, ChannelKind kind_hint) {
  if (fd < 0 || !t.files) return nullptr;
  auto name = read_link(proc_fd_path(t.tid, fd));
  FdEntry entry;
  if (!name) {
    entry.absent = true;
  } else {
    entry.name = std::move(*name);
    entry.channel = channels_.for_description(entry.name, kind_hint);
  }
  FdEntry& e = t.files->set(fd, std::move(entry));
  return e.absent ? nullptr : &e;
}

FdEntry* FdTracker::lookup(Thread& t, int fd) {
  if (fd < 0 || !t.files) return nullptr;
  if (authoritative_) {
    if (FdEntry* e = t.files->find(fd)) return e->absent ? nullptr : e;
    return resolve(t, fd);
  }
  // Not authoritative: the fd may have been closed and reused by an untraced call.
  FdEntry* cached = t.files->find(fd);
  auto name = read_link(proc_fd_path(t.tid, fd));
  if (!name) {
    if (cached) t.files->erase(fd);
    return nullptr;
  }
  if (cached && cached->name == *name) return cached;
  FdEntry entry;
  entry.name = std::move(*name);
  entry.channel = channels_.for_description(entry.name, ChannelKind::StreamSocket);
  return &t.files->set(fd, std::move(entry));
}

std::string FdTracker::describe(Thread& t, int fd) {
  FdEntry* e = lookup(t, fd);
  return e ? e->name : std::string();
}

void FdTracker::refresh_cwd(Thread& t) {
  if (!t.fs) return;
  if (auto cwd = read_link(proc_path(t.tid, "cwd"))) t.fs->cwd = std::move(*cwd);
}

std::string FdTracker::cwd(Thread& t) {
  if (!t.fs) return {};
  if (!authoritative_ || t.fs->cwd.empty()) refresh_cwd(t);
  return t.fs->cwd;
}

int ThreadFdNames::socket_protocol(int fd, int family) {
  const FdEntry* e = thread_.files->find(fd);
  if (e == nullptr || e->domain != family) return -1;
  return e->protocol;
}

}  // namespace golden::rec
