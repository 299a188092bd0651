#include "traceparent.hpp"

#include <sys/random.h>

#include <array>
#include <cstdint>
#include <random>

namespace golden::rec {
namespace {

bool is_lower_hex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool all_zero(std::string_view s) { return s.find_first_not_of('0') == std::string_view::npos; }

std::string random_hex(std::size_t bytes) {
  std::array<unsigned char, 16> raw{};
  std::size_t got = 0;
  while (got < bytes) {
    const ssize_t n = ::getrandom(raw.data() + got, bytes - got, 0);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got < bytes) {  // no getrandom (very old kernel): still unique enough for ids
    std::random_device rd;
    for (std::size_t i = 0; i < bytes; ++i) raw[i] = static_cast<unsigned char>(rd());
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    out += kHex[raw[i] >> 4];
    out += kHex[raw[i] & 15];
  }
  if (all_zero(out)) out.back() = '1';  // all-zero ids are invalid in W3C trace-context
  return out;
}

}  // namespace

std::optional<std::string> trace_id_of(std::string_view tp) {
  // version "00": 2 + 1 + 32 + 1 + 16 + 1 + 2 = 55 characters.
  if (tp.size() < 55 || tp[2] != '-' || tp[35] != '-' || tp[52] != '-') return std::nullopt;
  const std::string_view version = tp.substr(0, 2), trace = tp.substr(3, 32),
                         span = tp.substr(36, 16), flags = tp.substr(53, 2);
  if (!is_lower_hex(version) || version == "ff" || !is_lower_hex(trace) || !is_lower_hex(span) ||
      !is_lower_hex(flags) || all_zero(trace) || all_zero(span))
    return std::nullopt;
  if (version == "00" && tp.size() != 55) return std::nullopt;
  return std::string(trace);
}

std::string make_traceparent(const char* inherited) {
  std::optional<std::string> trace;
  if (inherited) trace = trace_id_of(inherited);
  if (!trace) trace = random_hex(16);
  return "00-" + *trace + "-" + random_hex(8) + "-01";
}

}  // namespace golden::rec
