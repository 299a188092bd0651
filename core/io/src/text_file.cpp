#include "golden/io/text_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace golden {

Result<std::string> read_text_file(const std::string& path, std::uint64_t max_bytes,
                                   std::string_view what) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Error{"cannot open " + std::string(what) + ": " + std::strerror(errno), path};
  std::string text;
  char buf[64 * 1024];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Error e{"cannot read " + std::string(what) + ": " + std::strerror(errno), path};
      ::close(fd);
      return e;
    }
    if (n == 0) break;
    // Read by size, not stat: a pipe or /dev/zero has none.
    if (text.size() + static_cast<std::size_t>(n) > max_bytes) {
      ::close(fd);
      const std::string limit = max_bytes % (1u << 20) == 0
                                    ? std::to_string(max_bytes >> 20) + " MiB"
                                    : std::to_string(max_bytes) + " bytes";
      return Error{std::string(what) + " is larger than " + limit +
                       ", the limit for a config file; is it the right file?",
                   path + ": byte " + std::to_string(max_bytes)};
    }
    text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return text;
}

}  // namespace golden
