// TraceeMemory::read_string: chunked reads that never cross a page boundary in one
// request, so a string that ends just before an unmapped page is still read whole.
#include <algorithm>
#include <cstring>

#include "golden/decode/decoder.hpp"

namespace golden {
namespace {

constexpr std::uint64_t kPage = 4096;

}  // namespace

std::optional<std::string> TraceeMemory::read_string(RemoteAddr addr, std::size_t max,
                                                     bool* truncated) {
  if (truncated) *truncated = false;
  if (addr.null()) return std::nullopt;
  std::string out;
  char buf[kPage];
  std::uint64_t at = addr.value;
  while (out.size() < max) {
    const std::uint64_t to_page_end = kPage - (at % kPage);
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(to_page_end, max - out.size()));
    const std::size_t got = read(RemoteAddr{at}, buf, want);
    if (got == 0) {
      if (out.empty()) return std::nullopt;  // nothing readable at addr: a bad address
      // Readable bytes ran into an unmapped page without a NUL: what was there is all
      // the string the program could have meant.
      if (truncated) *truncated = true;
      return out;
    }
    if (const void* nul = std::memchr(buf, '\0', got)) {
      out.append(buf, static_cast<std::size_t>(static_cast<const char*>(nul) - buf));
      return out;
    }
    out.append(buf, got);
    at += got;
  }
  // Exactly `max` bytes: the string is whole only if a NUL comes right after them.
  char next = 1;
  if (truncated) *truncated = read(RemoteAddr{at}, &next, 1) != 1 || next != '\0';
  return out;
}

}  // namespace golden
