#include "golden/model/glob.hpp"

#include <vector>

namespace golden {
namespace {

// Matches one component (no '/') against a component pattern without "**".
bool match_component(std::string_view p, std::string_view s) {
  std::size_t pi = 0, si = 0;
  std::size_t star_p = std::string_view::npos, star_s = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star_p = pi++;
      star_s = si;
      continue;
    }
    if (pi < p.size()) {
      if (p[pi] == '?') {
        ++pi;
        ++si;
        continue;
      }
      if (p[pi] == '[') {
        std::size_t end = p.find(']', pi + 2);
        if (end != std::string_view::npos) {
          std::string_view cls = p.substr(pi + 1, end - pi - 1);
          bool negate = !cls.empty() && (cls[0] == '!' || cls[0] == '^');
          if (negate) cls.remove_prefix(1);
          bool hit = false;
          for (std::size_t k = 0; k < cls.size(); ++k) {
            if (k + 2 < cls.size() && cls[k + 1] == '-') {
              if (s[si] >= cls[k] && s[si] <= cls[k + 2]) hit = true;
              k += 2;
            } else if (cls[k] == s[si]) {
              hit = true;
            }
          }
          if (hit != negate) {
            pi = end + 1;
            ++si;
            continue;
          }
        } else if (s[si] == '[') {  // unterminated '[' is literal
          ++pi;
          ++si;
          continue;
        }
      } else if (p[pi] == '\\' && pi + 1 < p.size()) {
        if (p[pi + 1] == s[si]) {
          pi += 2;
          ++si;
          continue;
        }
      } else if (p[pi] == s[si]) {
        ++pi;
        ++si;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    pi = star_p + 1;
    si = ++star_s;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find('/', i);
    if (j == std::string_view::npos) j = s.size();
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Component-wise match with "**"; `prefix` set: the path may have more components.
bool match_parts(const std::vector<std::string_view>& p, std::size_t pi,
                 const std::vector<std::string_view>& s, std::size_t si, bool prefix) {
  while (pi < p.size()) {
    if (p[pi] == "**") {
      if (pi + 1 == p.size()) return true;
      for (std::size_t k = si; k <= s.size(); ++k)
        if (match_parts(p, pi + 1, s, k, prefix)) return true;
      return false;
    }
    if (si >= s.size() || !match_component(p[pi], s[si])) return false;
    ++pi;
    ++si;
  }
  return prefix || si == s.size();
}

}  // namespace

bool has_wildcard(std::string_view pattern) {
  return pattern.find_first_of("*?[\\") != std::string_view::npos;
}

bool glob_match(std::string_view pattern, std::string_view path) {
  if (!has_wildcard(pattern)) {
    if (pattern == path) return true;
    // A plain directory pattern ending in '/' covers everything below it.
    return pattern.ends_with('/') && path.starts_with(pattern);
  }
  // "dir/**" also matches "dir" itself.
  if (pattern.ends_with("/**") && glob_match(pattern.substr(0, pattern.size() - 3), path))
    return true;
  return match_parts(split(pattern), 0, split(path), 0, false);
}

std::size_t glob_prefix(std::string_view pattern, std::string_view path) {
  // A matching prefix starts with the pattern's literal head (everything before its
  // first wildcard): checked first, since every new path of a trace is tried against
  // every home_dirs and template glob, and almost none match.
  if (!path.starts_with(pattern.substr(0, pattern.find_first_of("*?[\\")))) return 0;
  auto parts = split(path);
  auto pat = split(pattern);
  // Try the longest prefix first so "/home/*" takes "/home/ann", not less.
  std::size_t len = path.size();
  for (std::size_t n = parts.size(); n > 0; --n) {
    std::vector<std::string_view> head(parts.begin(), parts.begin() + static_cast<long>(n));
    if (match_parts(pat, 0, head, 0, false)) return len;
    if (n > 1) len -= parts[n - 1].size() + 1;
  }
  return 0;
}

}  // namespace golden
