// Word-at-a-time tests over text (8 bytes per step): whether a word holds a byte that
// needs attention — a control byte, a digit, a quote — so that quoting, templating and
// binary detection skip plain runs instead of testing every byte. Written lines are
// the bulk of a normalized trace. The predicates are exact: no byte is ever missed.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace golden::scan {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ull;
inline constexpr std::uint64_t kHighs = 0x8080808080808080ull;

inline std::uint64_t load(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}
// Some byte of `w` is < n (n <= 128).
constexpr bool any_less(std::uint64_t w, std::uint8_t n) { return ((w - kOnes * n) & ~w & kHighs) != 0; }
// Some byte of `w` is > n (n <= 127).
constexpr bool any_more(std::uint64_t w, std::uint8_t n) {
  return (((w + kOnes * (127 - n)) | w) & kHighs) != 0;
}
// Some byte of `w` equals c.
constexpr bool any_equal(std::uint64_t w, std::uint8_t c) { return any_less(w ^ (kOnes * c), 1); }
// Some byte of `w` is an ASCII digit.
constexpr bool any_digit(std::uint64_t w) { return any_less(w ^ (kOnes * '0'), 10); }
// Some byte of `w` is outside printable ASCII, or '"' or '\\' (what quoting escapes).
constexpr bool any_to_escape(std::uint64_t w) {
  return any_less(w, 0x20) || any_more(w, 0x7e) || any_equal(w, '"') || any_equal(w, '\\');
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The first digit of `s` at or after `i`, or s.size().
inline std::size_t next_digit(std::string_view s, std::size_t i) {
  while (i + 8 <= s.size() && !any_digit(load(s.data() + i))) i += 8;
  while (i < s.size() && !is_digit(s[i])) ++i;
  return i;
}

// Whether bytes are binary rather than text: a NUL byte, or more than one control byte
// in ten (tabs, newlines, form feeds, backspaces and ESC are text), in the first 8 KiB.
inline bool looks_binary(std::string_view bytes) {
  std::size_t control = 0;
  const std::size_t n = bytes.size() < 8192 ? bytes.size() : 8192;
  for (std::size_t i = 0; i < n; ++i) {
    // Words without a byte below 0x20 hold neither NUL nor control bytes.
    while (i + 8 <= n && !any_less(load(bytes.data() + i), 0x20)) i += 8;
    if (i == n) break;
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v' && c != '\b' &&
        c != 0x1b)
      ++control;
  }
  return n > 0 && control * 10 > n;
}

}  // namespace golden::scan
