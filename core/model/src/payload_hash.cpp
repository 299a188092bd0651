#include "golden/model/payload_hash.hpp"

namespace golden {
namespace {

constexpr std::uint64_t kMod = (std::uint64_t{1} << 61) - 1;  // Mersenne prime 2^61-1
constexpr std::uint64_t kBase = 1'000'003;                     // < kMod, > 256

__extension__ typedef unsigned __int128 u128;  // GCC extension; -Wpedantic wants it marked

std::uint64_t mul_mod(std::uint64_t a, std::uint64_t b) {
  u128 p = static_cast<u128>(a) * b;
  std::uint64_t lo = static_cast<std::uint64_t>(p & kMod);
  std::uint64_t hi = static_cast<std::uint64_t>(p >> 61);
  std::uint64_t r = lo + hi;
  return r >= kMod ? r - kMod : r;
}

std::uint64_t pow_mod(std::uint64_t base, std::uint64_t exp) {
  std::uint64_t result = 1;
  while (exp != 0) {
    if (exp & 1) result = mul_mod(result, base);
    base = mul_mod(base, base);
    exp >>= 1;
  }
  return result;
}

}  // namespace

void StreamHash::append(const void* data, std::size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint64_t h = hash_;
  for (std::size_t i = 0; i < size; ++i) {
    // +1 so that a zero byte still changes the hash (and "\0" != "").
    h = mul_mod(h, kBase) + p[i] + 1;
    if (h >= kMod) h -= kMod;
  }
  hash_ = h;
  length_ += size;
}

void StreamHash::append(const StreamHash& next) {
  hash_ = mul_mod(hash_, pow_mod(kBase, next.length_)) + next.hash_;
  if (hash_ >= kMod) hash_ -= kMod;
  length_ += next.length_;
}

}  // namespace golden
