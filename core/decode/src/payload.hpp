// Building a Payload (length, StreamHash, head) from tracee memory, for plain buffers
// and for the pieces of an iovec array alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "golden/decode/decoder.hpp"
#include "golden/model/payload_hash.hpp"

namespace golden::detail {

class PayloadBuilder {
 public:
  // `written`: bytes the program writes (not reads): text is kept whole up to
  // DecodeOptions::text_limit.
  explicit PayloadBuilder(const DecodeOptions& opts, bool written = false)
      : opts_(opts), keep_text_(written && opts.hash_payloads && opts.text_limit > opts.string_limit) {}

  // Appends up to `len` bytes at `addr`, read in bulk (64 KiB at a time). Returns how
  // many bytes could be read (less than `len` only at a bad address). When `piece_head`
  // is given it receives the first string_limit bytes of this piece (iovec display).
  std::uint64_t append(TraceeMemory& mem, std::uint64_t addr, std::uint64_t len,
                       std::string* piece_head = nullptr);

  // With hash_payloads off only the heads are read: the length is then the requested
  // one and the hash is 0 (unknown).
  Payload finish() const;

 private:
  const DecodeOptions& opts_;
  bool keep_text_ = false;
  std::string text_;  // up to text_limit + 1 bytes, when keep_text_
  StreamHash hash_;
  std::uint64_t length_ = 0;
  std::string head_;
  std::vector<char> chunk_;
};

struct Iovec {
  std::uint64_t base = 0;
  std::uint64_t len = 0;
};

// The iovec array at `addr` (at most `count` entries, capped at IOV_MAX); nullopt on a
// bad address.
std::optional<std::vector<Iovec>> read_iovecs(TraceeMemory& mem, std::uint64_t addr,
                                              std::uint64_t count);

// Reads and renders iovecs strace-style, `[{iov_base="...", iov_len=5}, ...]`, with the
// concatenated bytes of the first `limit` bytes in a Payload.
struct IovecData {
  Payload payload;
  std::string text;
};
IovecData read_iovec_data(TraceeMemory& mem, const std::vector<Iovec>& iov, std::uint64_t limit,
                          const DecodeOptions& opts, bool written = false);

// A fixed-size object from tracee memory; nullopt when it cannot be read whole.
template <class T>
std::optional<T> read_object(TraceeMemory& mem, std::uint64_t addr) {
  T value{};
  if (addr == 0 || mem.read(RemoteAddr{addr}, &value, sizeof value) != sizeof value) return std::nullopt;
  return value;
}

}  // namespace golden::detail
