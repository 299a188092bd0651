#include "golden/equivalence/report.hpp"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "golden/equivalence/compare.hpp"
#include "golden/test_support/trace_builder.hpp"

namespace golden {
namespace {

using test::TraceBuilder;
using ::testing::HasSubstr;
using ::testing::Not;

CompareResult divergent() {
  TraceBuilder a(100, "/w");
  a.write(100, 1, "hello\n");
  a.write(100, 1, "bye <&>\n");
  a.exit(100);
  TraceBuilder b(100, "/w");
  b.write(100, 1, "hallo\n");
  b.write(100, 1, "bye <&>\n");
  b.write(100, 2, std::string("bad \x01 byte \xff\n"));
  b.exit(100, 1);
  return compare(a.build(), b.build());
}

CompareResult equivalent() {
  TraceBuilder a(100, "/w");
  a.write(100, 1, "hello\n");
  a.exit(100);
  return compare(a.build(), a.build());
}

TEST(TextReport, VerdictPlacesDiffsAndPerformance) {
  auto text = render_text(divergent());
  EXPECT_THAT(text, HasSubstr("DIVERGENT: 3 divergences"));
  EXPECT_THAT(text, HasSubstr("stdout differs"));
  EXPECT_THAT(text, HasSubstr("@@ -1,2 +1,2 @@"));
  EXPECT_THAT(text, HasSubstr("-\"hello\\n\""));
  EXPECT_THAT(text, HasSubstr("+\"hallo\\n\""));
  EXPECT_THAT(text, HasSubstr("event A #1, B #1"));
  EXPECT_THAT(text, HasSubstr("critical path"));
  EXPECT_THAT(text, HasSubstr("peak RSS"));
  EXPECT_THAT(text, Not(HasSubstr("\x1b[")));
  EXPECT_THAT(render_text(divergent(), {.color = true}), HasSubstr("\x1b[31m"));
  EXPECT_THAT(render_text(equivalent()), HasSubstr("EQUIVALENT"));
}

TEST(JsonReport, IsMachineReadable) {
  auto j = nlohmann::json::parse(render_json(divergent()));
  EXPECT_EQ(j["format"], "golden-compare");
  EXPECT_EQ(j["verdict"], "divergent");
  ASSERT_EQ(j["divergences"].size(), 3u);
  const auto& d = j["divergences"][0];
  EXPECT_EQ(d["channel"], "processes");
  EXPECT_EQ(d["category"], "exit_status");
  EXPECT_TRUE(j["performance"]["a"]["syscalls"].is_number());
  EXPECT_EQ(j["categories"].size(), kAllCategories.size());
  EXPECT_EQ(nlohmann::json::parse(render_json(equivalent()))["verdict"], "equivalent");
}

TEST(JunitReport, OneSuiteATestcasePerCategoryFailuresWithDiffs) {
  auto xml = render_junit(divergent());
  EXPECT_THAT(xml, HasSubstr("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"golden compare A vs B\" tests=\"10\" failures=\"3\""));
  EXPECT_THAT(xml, HasSubstr("<testcase classname=\"golden.compare\" name=\"stdout\""));
  EXPECT_THAT(xml, HasSubstr("<failure message=\"stdout differs"));
  EXPECT_THAT(xml, HasSubstr("bye &lt;&amp;&gt;"));
  // No raw control bytes or invalid UTF-8 in the document.
  for (unsigned char c : xml) {
    EXPECT_TRUE(c >= 0x20 || c == '\n' || c == '\t') << static_cast<int>(c);
    EXPECT_NE(c, 0xff);
  }
  EXPECT_EQ(std::count(xml.begin(), xml.end(), '<') - std::count(xml.begin(), xml.end(), '>'), 0);
}

TEST(HtmlReport, SelfContained) {
  auto html = render_html(divergent());
  EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("<style>"));
  EXPECT_THAT(html, HasSubstr("class=\"del\""));
  for (const char* external : {"<script", "<link", "src=", "http://", "https://", "@import", "url("})
    EXPECT_THAT(html, Not(HasSubstr(external))) << external;
}

TEST(ReportFormat, Names) {
  EXPECT_EQ(report_format_from_string("junit"), ReportFormat::Junit);
  EXPECT_FALSE(report_format_from_string("xml").has_value());
}

}  // namespace
}  // namespace golden
