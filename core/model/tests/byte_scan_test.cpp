#include <gtest/gtest.h>

#include <array>
#include <string>

#include "golden/model/byte_scan.hpp"

namespace golden::scan {
namespace {

// The word tests must agree with byte-by-byte tests for every byte value at every
// position (a miss would let quoting or templating skip a byte it must see), with
// neighbours that stress the borrows between bytes.
TEST(ByteScan, WordTestsAgreeWithByteTests) {
  for (unsigned char fill : {0x00, 0x01, 0x1f, 0x20, 0x30, 0x39, 0x41, 0x7e, 0x7f, 0x80, 0xff}) {
    for (int v = 0; v < 256; ++v) {
      for (int pos = 0; pos < 8; ++pos) {
        std::array<char, 8> b;
        b.fill(static_cast<char>(fill));
        b[static_cast<std::size_t>(pos)] = static_cast<char>(v);
        const std::uint64_t w = load(b.data());
        bool less20 = false, more7e = false, quote = false, backslash = false, digit = false;
        for (char ch : b) {
          auto c = static_cast<unsigned char>(ch);
          less20 |= c < 0x20;
          more7e |= c > 0x7e;
          quote |= c == '"';
          backslash |= c == '\\';
          digit |= c >= '0' && c <= '9';
        }
        ASSERT_EQ(any_less(w, 0x20), less20) << v << " at " << pos << " in " << int(fill);
        ASSERT_EQ(any_more(w, 0x7e), more7e) << v << " at " << pos << " in " << int(fill);
        ASSERT_EQ(any_equal(w, '"'), quote) << v << " at " << pos << " in " << int(fill);
        ASSERT_EQ(any_digit(w), digit) << v << " at " << pos << " in " << int(fill);
        ASSERT_EQ(any_to_escape(w), less20 || more7e || quote || backslash) << v << " at " << pos;
      }
    }
  }
}

TEST(ByteScan, NextDigit) {
  EXPECT_EQ(next_digit("", 0), 0u);
  EXPECT_EQ(next_digit("abc", 0), 3u);
  EXPECT_EQ(next_digit("a very long line without any digit at all", 0), 41u);
  EXPECT_EQ(next_digit("worker 12 wrote", 0), 7u);
  EXPECT_EQ(next_digit("worker 12 wrote", 8), 8u);
  EXPECT_EQ(next_digit("abcdefghijklmnop9", 3), 16u);
}

}  // namespace
}  // namespace golden::scan
