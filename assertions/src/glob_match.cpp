#include "glob_match.hpp"

namespace golden::detail {
namespace {

// Matches a [...] class at pattern[p] against c; sets `end` past the ']'. A '[' with
// no closing ']' is an ordinary character.
bool match_class(std::string_view pat, std::size_t p, char c, std::size_t& end, bool& valid) {
  std::size_t i = p + 1;
  bool negate = i < pat.size() && (pat[i] == '!' || pat[i] == '^');
  if (negate) ++i;
  bool matched = false;
  bool first = true;
  for (; i < pat.size() && (first || pat[i] != ']'); ++i, first = false) {
    if (i + 2 < pat.size() && pat[i + 1] == '-' && pat[i + 2] != ']') {
      if (pat[i] <= c && c <= pat[i + 2]) matched = true;
      i += 2;
    } else if (pat[i] == c) {
      matched = true;
    }
  }
  valid = i < pat.size();
  end = i + 1;
  return matched != negate;
}

bool match_from(std::string_view pat, std::size_t p, std::string_view s, std::size_t t) {
  while (p < pat.size()) {
    const char c = pat[p];
    if (c == '*') {
      const bool globstar = p + 1 < pat.size() && pat[p + 1] == '*';
      std::size_t next = p + (globstar ? 2 : 1);
      if (globstar) {
        // "dir/**" also matches "dir" itself; "**/" may match nothing.
        if (next == pat.size()) return true;
        if (pat[next] == '/' && match_from(pat, next + 1, s, t)) return true;
        for (std::size_t k = t; k <= s.size(); ++k)
          if (match_from(pat, next, s, k)) return true;
        return false;
      }
      for (std::size_t k = t; k <= s.size(); ++k) {
        if (match_from(pat, next, s, k)) return true;
        if (k < s.size() && s[k] == '/') return false;
      }
      return false;
    }
    if (t >= s.size()) {
      // "dir/**" matches "dir": the rest of the pattern is "/**".
      return pat.substr(p) == "/**";
    }
    if (c == '?') {
      if (s[t] == '/') return false;
    } else if (c == '[') {
      std::size_t end = 0;
      bool valid = false;
      const bool ok = match_class(pat, p, s[t], end, valid);
      if (valid) {
        if (!ok || s[t] == '/') return false;
        p = end;
        ++t;
        continue;
      }
      if (s[t] != '[') return false;
    } else if (c == '\\' && p + 1 < pat.size()) {
      ++p;
      if (s[t] != pat[p]) return false;
    } else if (s[t] != c) {
      return false;
    }
    ++p;
    ++t;
  }
  return t == s.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  return match_from(pattern, 0, text, 0);
}

}  // namespace golden::detail
