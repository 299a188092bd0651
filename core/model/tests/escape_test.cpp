#include "golden/model/escape.hpp"
#include "golden/model/report_format.hpp"

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

namespace golden {
namespace {

TEST(SanitizeText, KeepsWellFormedUtf8AndEscapesEverythingElse) {
  EXPECT_EQ(sanitize_text("caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80\ttab\n"),
            "caf\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x98\x80\ttab\n");
  EXPECT_EQ(sanitize_text("\x01\x7f"), "\\x01\\x7f");
  EXPECT_EQ(sanitize_text("\xc0\xaf"), "\\xc0\\xaf");          // overlong '/'
  EXPECT_EQ(sanitize_text("\xe0\x80\xaf"), "\\xe0\\x80\\xaf");  // overlong, 3 bytes
  EXPECT_EQ(sanitize_text("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_EQ(sanitize_text("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
  EXPECT_EQ(sanitize_text("\xe2\x9c"), "\\xe2\\x9c");          // truncated
  EXPECT_EQ(xml_escape("<a href='x'>&\"\x02"), "&lt;a href=&apos;x&apos;&gt;&amp;&quot;\\x02");
}

TEST(ReportFormat, NamesRoundTrip) {
  for (ReportFormat f : {ReportFormat::Text, ReportFormat::Json, ReportFormat::Junit,
                         ReportFormat::Github, ReportFormat::Html})
    EXPECT_EQ(report_format_from_string(to_string(f)), f);
  EXPECT_EQ(report_format_from_string("xml"), std::nullopt);
  EXPECT_EQ(github_escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
  EXPECT_EQ(junit_document("n<", "<testsuite/>\n"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"n&lt;\">\n"
            "<testsuite/>\n</testsuites>\n");
}

}  // namespace
}  // namespace golden
