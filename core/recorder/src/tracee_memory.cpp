#include "tracee_memory.hpp"

#include <sys/uio.h>

#include <algorithm>
#include <cstring>

namespace golden::rec {
namespace {

constexpr std::uint64_t kPage = 4096;

}  // namespace

std::size_t ProcessVmMemory::read(RemoteAddr addr, void* out, std::size_t size) {
  if (size == 0 || addr.null()) return 0;
  std::size_t done = 0;
  // process_vm_readv stops at the first unreadable page and returns a partial count;
  // a call that starts on an unreadable page fails with EFAULT.
  while (done < size) {
    iovec local{static_cast<char*>(out) + done, size - done};
    iovec remote{reinterpret_cast<void*>(addr.value + done), size - done};
    const ssize_t n = ::process_vm_readv(tid_.value, &local, 1, &remote, 1, 0);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  return done;
}

std::optional<std::string> ProcessVmMemory::read_string(RemoteAddr addr, std::size_t max,
                                                        bool* truncated) {
  if (truncated) *truncated = false;
  if (addr.null()) return std::nullopt;
  std::string out;
  char buf[kPage];
  std::uint64_t at = addr.value;
  while (out.size() < max) {
    // Never cross a page boundary in one read: the string may end just before an
    // unmapped page, and a read spanning it would fail as a whole at its start.
    const std::size_t to_page_end = static_cast<std::size_t>(kPage - (at % kPage));
    const std::size_t want = std::min(to_page_end, max - out.size());
    const std::size_t got = read(RemoteAddr{at}, buf, want);
    if (got == 0) {
      if (out.empty()) return std::nullopt;
      // Ran into unreadable memory after some bytes, without a NUL: the kernel would
      // fault reading it (the decoder then shows the address, as strace does).
      if (truncated) *truncated = true;
      return out;
    }
    const void* nul = std::memchr(buf, '\0', got);
    if (nul) {
      out.append(buf, static_cast<const char*>(nul) - buf);
      return out;
    }
    out.append(buf, got);
    at += got;
    if (got < want) {
      if (truncated) *truncated = true;
      return out;
    }
  }
  // Exactly `max` bytes read: truncated unless the very next byte ends the string.
  char next = 1;
  if (truncated) *truncated = read(RemoteAddr{at}, &next, 1) != 1 || next != '\0';
  return out;
}

}  // namespace golden::rec
