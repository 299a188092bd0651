#include <gtest/gtest.h>

#include <random>
#include <string>

#include "golden/model/escape.hpp"

namespace golden {
namespace {

std::string appended(std::string_view bytes) {
  std::string out;
  append_quoted(out, bytes);
  return out;
}

// The escaping rule one byte at a time, as strace states it; the word-at-a-time
// implementation must never differ from it.
std::string reference_quote(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : bytes) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c >= 0x20 && c < 0x7f) {
          out += static_cast<char>(c);
        } else {
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        }
    }
  }
  return out + "\"";
}

TEST(AppendQuoted, EveryByteAsTheByteRule) {
  for (int c = 0; c < 256; ++c) {
    const std::string one(1, static_cast<char>(c));
    EXPECT_EQ(appended(one), reference_quote(one)) << "byte " << c;
    const std::string mixed = "a" + one + "bc" + one;
    EXPECT_EQ(appended(mixed), reference_quote(mixed)) << "byte " << c;
  }
  EXPECT_EQ(appended(""), reference_quote(""));
}

TEST(AppendQuoted, RandomBytesAsTheByteRule) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 64);
  for (int round = 0; round < 2000; ++round) {
    std::string s(static_cast<std::size_t>(len(rng)), '\0');
    for (char& ch : s) ch = static_cast<char>(byte(rng));
    EXPECT_EQ(appended(s), reference_quote(s));
  }
}

TEST(AppendQuoted, AppendsToWhatIsThere) {
  std::string out = "x:";
  append_quoted(out, "hi\n");
  EXPECT_EQ(out, "x:\"hi\\n\"");
  append_quoted(out, "a", true);
  EXPECT_EQ(out, "x:\"hi\\n\"\"a\"...");
}

}  // namespace
}  // namespace golden
