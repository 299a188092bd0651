// Content hash of read/write payloads.
//
// A polynomial hash modulo the Mersenne prime 2^61-1. It is *composable*: the hash
// of a concatenation can be computed from the parts' (hash, length) pairs, so the
// comparator can check that two runs wrote the same bytes to a stream even when
// the bytes were split into different write() calls (chunking is not behaviour).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace golden {

class StreamHash {
 public:
  StreamHash() = default;
  StreamHash(std::uint64_t hash, std::uint64_t length) : hash_(hash), length_(length) {}

  void append(const void* data, std::size_t size);
  void append(std::string_view bytes) { append(bytes.data(), bytes.size()); }
  // This stream followed by `next`.
  void append(const StreamHash& next);

  std::uint64_t value() const { return hash_; }
  std::uint64_t length() const { return length_; }
  friend bool operator==(const StreamHash&, const StreamHash&) = default;

  static StreamHash of(std::string_view bytes) {
    StreamHash h;
    h.append(bytes);
    return h;
  }

 private:
  std::uint64_t hash_ = 0;
  std::uint64_t length_ = 0;
};

}  // namespace golden
