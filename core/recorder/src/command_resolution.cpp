#include "command_resolution.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

namespace golden::rec {
namespace {

// 0 when `path` can be executed, else the errno execve would report.
int executable(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return errno;
  if (S_ISDIR(st.st_mode)) return EACCES;  // execve(2) on a directory: EACCES
  if (!S_ISREG(st.st_mode)) return EACCES;
  if (::access(path.c_str(), X_OK) != 0) return errno;
  return 0;
}

Error cannot_execute(const std::string& name, int err) {
  return Error{"cannot execute '" + name + "': " + std::strerror(err), ""};
}

}  // namespace

Result<std::string> resolve_command(const std::string& name, const char* path_env) {
  if (name.empty()) return cannot_execute(name, ENOENT);
  if (name.find('/') != std::string::npos) {
    if (int err = executable(name)) return cannot_execute(name, err);
    return name;
  }
  const std::string_view path = path_env ? path_env : "/usr/local/bin:/usr/bin:/bin";
  // Like execvp: remember EACCES from a match that is not executable, report it if
  // nothing else matches; otherwise ENOENT.
  int first_error = ENOENT;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find(':', start);
    if (end == std::string_view::npos) end = path.size();
    // An empty PATH element means the current directory.
    std::string candidate(end > start ? path.substr(start, end - start) : std::string_view("."));
    candidate += '/';
    candidate += name;
    const int err = executable(candidate);
    if (err == 0) return candidate;
    if (err == EACCES && first_error == ENOENT) first_error = EACCES;
    start = end + 1;
  }
  return cannot_execute(name, first_error);
}

}  // namespace golden::rec
