#include "process_maps.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace golden::source {
namespace {

// One line: "start-end perms offset dev inode   path". Paths may hold spaces; only a
// trailing " (deleted)" is not part of them.
bool parse_line(std::string_view line, Mapping& m) {
  char perms[8] = {};
  unsigned dev_major = 0, dev_minor = 0;
  int consumed = 0;
  const std::string text(line);
  if (std::sscanf(text.c_str(), "%" SCNx64 "-%" SCNx64 " %7s %" SCNx64 " %x:%x %" SCNu64 "%n",
                  &m.start, &m.end, perms, &m.offset, &dev_major, &dev_minor, &m.inode,
                  &consumed) != 7)
    return false;
  m.writable = perms[1] == 'w';
  m.executable = perms[2] == 'x';
  std::string_view rest = line.substr(static_cast<std::size_t>(consumed));
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  constexpr std::string_view kDeleted = " (deleted)";
  if (rest.ends_with(kDeleted)) {
    rest.remove_suffix(kDeleted.size());
    m.deleted = true;
  }
  m.path = std::string(rest);
  return true;
}

}  // namespace

std::vector<Mapping> read_maps(int pid) {
  std::vector<Mapping> maps;
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/maps", pid);
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return maps;
  std::string text;
  char buf[16384];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    Mapping m;
    if (parse_line(rest.substr(0, nl), m)) maps.push_back(std::move(m));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  std::sort(maps.begin(), maps.end(),
            [](const Mapping& a, const Mapping& b) { return a.start < b.start; });
  return maps;
}

const Mapping* mapping_at(const std::vector<Mapping>& maps, std::uint64_t address) {
  auto it = std::upper_bound(maps.begin(), maps.end(), address,
                             [](std::uint64_t a, const Mapping& m) { return a < m.start; });
  if (it == maps.begin()) return nullptr;
  --it;
  return address < it->end ? &*it : nullptr;
}

}  // namespace golden::source
