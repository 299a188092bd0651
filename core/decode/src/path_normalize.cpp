#include "path_normalize.hpp"

#include <vector>

namespace golden::detail {

std::string normalize_path(std::string_view path) {
  const bool absolute = path.starts_with('/');
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    const std::string_view part = path.substr(pos, next - pos);
    pos = next + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);  // "../x" relative to an unknown base keeps its ".."
      }
      continue;
    }
    parts.push_back(part);
  }
  if (parts.empty()) return std::string(absolute ? "/" : ".");
  std::string out;
  for (const std::string_view part : parts) {
    if (absolute || !out.empty()) out += '/';
    out += part;
  }
  return out;
}

std::string resolve_path(std::string_view path, std::string_view base) {
  if (path.starts_with('/') || !base.starts_with('/')) return normalize_path(path);
  std::string joined(base);
  joined += '/';
  joined += path;
  return normalize_path(joined);
}

}  // namespace golden::detail
