#include "golden/io/config_text.hpp"

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

Status check_toml_key_depth(std::string_view text, std::string_view name) {
  std::size_t line = 1, column = 0, dots = 0;
  // Inside a string: its closing quote ('"' or '\''), and whether it is multi-line.
  char quote = 0;
  bool multi = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
      if (!multi) quote = 0;  // a one-line string cannot go on (the parser says so)
      dots = 0;
      continue;
    }
    if (quote != 0) {
      if (c == '\\' && quote == '"') {
        ++i;  // an escaped character (an escaped newline is a line too)
        if (i < text.size() && text[i] == '\n') {
          ++line;
          column = 0;
        }
      } else if (c == quote &&
                 (!multi || text.substr(i, 3) == std::string(3, quote))) {
        if (multi) i += 2;
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'') {
      multi = text.substr(i, 3) == std::string(3, c);
      quote = c;
      if (multi) i += 2;
    } else if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
    } else if (c == '=' || c == ',' || c == '{' || c == '}' || c == '[' || c == ']') {
      dots = 0;
    } else if (c == '.' && ++dots >= kMaxTomlKeyDepth) {
      return Error{"a dotted key of more than " + std::to_string(kMaxTomlKeyDepth) + " parts",
                   std::string(name) + ":" + std::to_string(line) + ":" + std::to_string(column)};
    }
  }
  return Ok{};
}

}  // namespace golden
