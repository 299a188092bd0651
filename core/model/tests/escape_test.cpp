#include "golden/model/escape.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>

namespace golden {
namespace {

TEST(Escape, PrintableBytesStayAsTheyAre) { EXPECT_EQ(escape_bytes("Hello, Bob!"), "Hello, Bob!"); }

TEST(Escape, ControlAndHighBytesAreEscapedLikeStrace) {
  EXPECT_EQ(escape_bytes(std::string("a\nb\t\"\\\0\xff", 8)), "a\\nb\\t\\\"\\\\\\x00\\xff");
}

TEST(Escape, RoundTripsEveryByte) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  auto back = unescape_bytes(escape_bytes(all));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, all);
}

// Runs of plain text between escapes, at every position and length (unescape_bytes
// copies plain runs whole).
TEST(Escape, RoundTripsRandomMixesOfTextAndEscapes) {
  std::mt19937 rng(7);
  const char pieces[] = {'a', 'Z', ' ', '\n', '\\', '"', '\t', '\0', '\x7f', '\xe9'};
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    const std::size_t size = rng() % 40;
    for (std::size_t i = 0; i < size; ++i) bytes += pieces[rng() % sizeof pieces];
    auto back = unescape_bytes(escape_bytes(bytes));
    ASSERT_TRUE(back.has_value()) << escape_bytes(bytes);
    ASSERT_EQ(*back, bytes) << escape_bytes(bytes);
  }
  EXPECT_EQ(unescape_bytes("ab\\x41cd\\n"), std::optional<std::string>("abAcd\n"));
  EXPECT_EQ(unescape_bytes(""), std::optional<std::string>(""));
}

TEST(Escape, RejectsMalformedEscapes) {
  EXPECT_FALSE(unescape_bytes("abc\\").has_value());
  EXPECT_FALSE(unescape_bytes("\\x4").has_value());
  EXPECT_FALSE(unescape_bytes("\\xzz").has_value());
  EXPECT_FALSE(unescape_bytes("\\q").has_value());
}

TEST(Escape, QuoteMarksTruncation) {
  EXPECT_EQ(quote_bytes("ab"), "\"ab\"");
  EXPECT_EQ(quote_bytes("ab", true), "\"ab\"...");
}

// What golden prints is escaped as strace 6.1 prints it: octal with as few digits as
// needed, three when an octal digit follows; \v and \f by name.
TEST(Escape, DisplayFormIsStraces) {
  EXPECT_EQ(display_escape(std::string("\x7f" "ELF\x02\x01\x00" "1\v\f\x1b[", 12)), "\\177ELF\\2\\1\\0001\\v\\f\\33[");
  EXPECT_EQ(display_escape("a\nb\t\"c\\"), "a\\nb\\t\\\"c\\\\");
  EXPECT_EQ(display_escape("\xe9"), "\\351");
  EXPECT_EQ(display_escape("/tmp/a<b>", "<>"), "/tmp/a\\74b\\76");
  EXPECT_EQ(quote_bytes_hex(" +"), "\"\\x20\\x2b\"");
}

TEST(Escape, UnescapeReadsTheDisplayFormToo) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  all += "0123";
  auto back = unescape_bytes(display_escape(all));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, all);
}

}  // namespace
}  // namespace golden
