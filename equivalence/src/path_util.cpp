#include "path_util.hpp"

#include <algorithm>
#include <vector>

namespace golden::eqv {

namespace {

// An absolute path that normalization would leave alone: no empty, "." or ".."
// component, no trailing '/'. Most paths in a trace are, and they need no splitting.
bool already_normal(std::string_view path) {
  if (path.size() < 2 || path.front() != '/' || path.back() == '/') return false;
  std::size_t i = 1;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (part.empty() || part == "." || part == "..") return false;
    i = j + 1;
  }
  return true;
}

}  // namespace

std::string absolute_path(std::string_view cwd, std::string_view path) {
  if (path.empty()) return {};
  if (already_normal(path)) return std::string(path);
  std::string joined;
  if (path.front() == '/' || cwd.empty()) {
    joined = std::string(path);
  } else {
    joined = std::string(cwd) + "/" + std::string(path);
  }
  std::vector<std::string_view> parts;
  std::string_view rest = joined;
  while (!rest.empty()) {
    std::size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  if (joined.front() != '/' && parts.empty()) return ".";
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty() || joined.front() == '/') out += '/';
    out += p;
  }
  return out.empty() ? std::string("/") : out;
}

std::string_view basename(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view dirname(std::string_view path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

bool path_under(std::string_view path, std::string_view dir) {
  if (dir == "/") return !path.empty() && path.front() == '/';
  if (!path.starts_with(dir)) return false;
  return path.size() == dir.size() || path[dir.size()] == '/';
}

bool any_below(const std::vector<std::string_view>& sorted, std::string_view dir) {
  // Paths below `dir` sort right after it, among others that merely start with its
  // name ("/a/b-x" comes between "/a/b" and "/a/b/c").
  for (auto it = std::upper_bound(sorted.begin(), sorted.end(), dir); it != sorted.end() && it->starts_with(dir);
       ++it)
    if (it->size() > dir.size() && (*it)[dir.size()] == '/') return true;
  return false;
}

}  // namespace golden::eqv
