#include "proc_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

namespace golden::rec {

std::optional<std::string> read_small_file(const std::string& path, std::size_t max) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string out;
  char buf[4096];
  while (out.size() < max) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  if (out.size() > max) out.resize(max);
  return out;
}

std::optional<std::string> read_link(const std::string& path) {
  char buf[4096];
  const ssize_t n = ::readlink(path.c_str(), buf, sizeof buf);
  if (n < 0) return std::nullopt;
  return std::string(buf, static_cast<std::size_t>(n));
}

std::string proc_path(Tid tid, const char* leaf) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "/proc/%d/%s", tid.value, leaf);
  return buf;
}

std::string proc_fd_path(Tid tid, int fd) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "/proc/%d/fd/%d", tid.value, fd);
  return buf;
}

}  // namespace golden::rec
