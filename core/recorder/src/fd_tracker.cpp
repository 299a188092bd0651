#include "fd_tracker.hpp"

#include <fcntl.h>

#include <charconv>
#include <optional>
#include <string_view>
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

namespace {

// The close-on-exec flag and access mode of an fd the recorder did not see made, from
// /proc/<tid>/fdinfo/<fd> ("flags:\t0102002", octal): without them an inherited fd
// would be forgotten at every exec and come back as a new description.
void read_fd_flags(Tid tid, int fd, FdEntry& e) {
  const std::string leaf = "fdinfo/" + std::to_string(fd);
  auto info = read_small_file(proc_path(tid, leaf.c_str()), 4096);
  if (!info) return;
  const std::size_t at = info->find("flags:");
  if (at == std::string::npos) return;
  std::size_t i = at + 6;
  while (i < info->size() && ((*info)[i] == '\t' || (*info)[i] == ' ')) ++i;
  unsigned flags = 0;
  if (std::from_chars(info->data() + i, info->data() + info->size(), flags, 8).ec != std::errc())
    return;
  e.cloexec = (flags & O_CLOEXEC) ? CloExec::Yes : CloExec::No;
  switch (flags & O_ACCMODE) {
    case O_RDONLY:
      e.access = FdAccess::Read;
      break;
    case O_WRONLY:
      e.access = FdAccess::Write;
      break;
    case O_RDWR:
      e.access = FdAccess::ReadWrite;
      break;
    default:
      break;
  }
}

// N when `path` names the caller's fd N, the way /dev/stdout and friends do.
std::optional<int> named_fd(std::string_view path) {
  if (path == "/dev/stdin") return 0;
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"}) {
    if (!path.starts_with(prefix)) continue;
    const std::string_view rest = path.substr(prefix.size());
    int fd = -1;
    if (!rest.empty() && std::from_chars(rest.data(), rest.data() + rest.size(), fd).ptr ==
                             rest.data() + rest.size())
      return fd;
  }
  return std::nullopt;
}

}  // namespace

void annotate_fd_identity(FdTracker& tracker, Thread& t, std::vector<Arg>& args) {
  for (Arg& a : args) {
    if (a.kind == ArgKind::Fd) {
      a.ofd = tracker.ofd_of(t, a.raw);
    } else if (a.kind == ArgKind::Path) {
      if (auto fd = named_fd(a.str)) a.ofd = tracker.ofd_of(t, *fd);
    }
  }
}

FdEntry* FdTracker::resolve(Thread& t, int fd, ChannelKind kind_hint, std::uint32_t ofd) {
  if (fd < 0 || !t.files) return nullptr;
  auto name = read_link(proc_fd_path(t.tid, fd));
  FdEntry entry;
  if (!name) {
    entry.absent = true;
  } else {
    entry.name = std::move(*name);
    entry.channel = channels_.for_description(entry.name, kind_hint);
    entry.ofd = ofd != 0 ? ofd : new_ofd();
    read_fd_flags(t.tid, fd, entry);
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
  entry.ofd = new_ofd();
  read_fd_flags(t.tid, fd, entry);
  entry.channel = channels_.for_description(entry.name, ChannelKind::StreamSocket);
  return &t.files->set(fd, std::move(entry));
}

std::string FdTracker::describe(Thread& t, int fd) {
  FdEntry* e = lookup(t, fd);
  return e ? e->name : std::string();
}

std::uint32_t FdTracker::ofd_of(Thread& t, std::int64_t fd) {
  if (fd < 0 || fd > INT32_MAX) return 0;
  const FdEntry* e = lookup(t, static_cast<int>(fd));
  return e ? e->ofd : 0;
}

void FdTracker::seed_if_pending(Thread& t) {
  if (!t.files || !t.files->seed_pending) return;
  t.files->seed_pending = false;
  // Only the standard streams: other inherited fds (a jobserver's, golden's own
  // close-on-exec pipe at the launch) are numbered when first used, so that the numbers
  // do not depend on what the environment happened to leave open.
  for (int fd = 0; fd <= 2; ++fd)
    resolve(t, fd, ChannelKind::StreamSocket, static_cast<std::uint32_t>(fd) + 1);
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
