// Keys with marked numbers (Item::key): matching and hashing. A number is templated as
// $PIDn / $PORTn because it equals a pid or port of its run; the same digits printed by
// another run where they are nothing special must still match, and so must two runs
// printing their own (different) pids.
#include <algorithm>
#include <cstdint>
#include <string>

#include "golden/equivalence/normalized.hpp"

namespace golden {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Token {
  std::string_view name;  // template name, "" for a plain number
  std::string_view value; // the digits
};

// A number token at `s[i]` (marked or plain digits); advances `i`. False when there is
// neither at `i`.
bool number_at(std::string_view s, std::size_t& i, Token& t) {
  if (i < s.size() && s[i] == kMarkBegin) {
    std::size_t sep = s.find(kMarkSep, i);
    std::size_t end = s.find(kMarkEnd, i);
    if (sep == std::string_view::npos || end == std::string_view::npos || sep > end) return false;
    t.name = s.substr(i + 1, sep - i - 1);
    t.value = s.substr(sep + 1, end - sep - 1);
    i = end + 1;
    return true;
  }
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  if (j == i) return false;
  t.name = {};
  t.value = s.substr(i, j - i);
  i = j;
  return true;
}

}  // namespace

bool keys_match(std::string_view a, std::string_view b) {
  if (a == b) return true;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == kMarkBegin || b[j] == kMarkBegin) {
      Token ta, tb;
      if (!number_at(a, i, ta) || !number_at(b, j, tb)) return false;
      bool same_template = !ta.name.empty() && ta.name == tb.name;
      bool wildcard = ta.name.starts_with(kWildcard) || tb.name.starts_with(kWildcard);
      if (!same_template && !wildcard && ta.value != tb.value) return false;
      continue;
    }
    // Up to the next mark on either side the bytes must be equal: compared as a run.
    const std::size_t ma = std::min(a.find(kMarkBegin, i), a.size());
    const std::size_t mb = std::min(b.find(kMarkBegin, j), b.size());
    const std::size_t n = std::min(ma - i, mb - j);
    if (a.substr(i, n) != b.substr(j, n)) return false;
    i += n;
    j += n;
  }
  return i == a.size() && j == b.size();
}

std::size_t key_shape_hash(std::string_view key) {
  // FNV-1a over the key with every number, marked or plain, as one '#'. Streamed: the
  // diff hashes every item of both runs, a temporary "shape" string each was costly.
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&h](char c) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  };
  for (std::size_t i = 0; i < key.size();) {
    Token t;
    std::size_t k = i;
    if ((key[i] == kMarkBegin || is_digit(key[i])) && number_at(key, k, t)) {
      mix('#');
      i = k;
    } else {
      mix(key[i++]);
    }
  }
  return static_cast<std::size_t>(h);
}

std::string display_key(std::string_view key) {
  std::size_t mark = key.find(kMarkBegin);
  if (mark == std::string_view::npos) return std::string(key);
  std::string out;
  out.reserve(key.size());
  std::size_t copied = 0;  // the text between marks is copied in runs
  while (mark != std::string_view::npos) {
    Token t;
    std::size_t k = mark;
    if (number_at(key, k, t)) {
      out.append(key.substr(copied, mark - copied));
      out.append(t.name.starts_with(kWildcard) ? t.name.substr(1) : t.name);
      copied = k;
      mark = key.find(kMarkBegin, k);
    } else {
      mark = key.find(kMarkBegin, mark + 1);  // malformed: shown as it is
    }
  }
  out.append(key.substr(copied));
  return out;
}

bool Item::matches(const Item& other) const { return keys_match(key, other.key); }

}  // namespace golden
