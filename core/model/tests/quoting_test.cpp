#include <gtest/gtest.h>

#include <cstdio>
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

// The escaping rule one byte at a time, as strace 6.1 states it (string_quote in its
// util.c): the run-at-a-time implementation must never differ from it.
std::string reference_quote(std::string_view bytes) {
  std::string out = "\"";
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\v': out += "\\v"; break;
      case '\f': out += "\\f"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c >= 0x20 && c < 0x7f) {
          out += static_cast<char>(c);
        } else {
          // Octal: three digits when an octal digit follows, else as few as needed.
          const bool digit_next = i + 1 < bytes.size() && bytes[i + 1] >= '0' && bytes[i + 1] <= '7';
          char buf[8];
          std::snprintf(buf, sizeof buf, digit_next ? "\\%03o" : "\\%o", c);
          out += buf;
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
