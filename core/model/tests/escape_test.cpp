#include "golden/model/escape.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace golden
