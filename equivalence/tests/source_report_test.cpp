// compare with traces captured with --source: each divergence says where in the program
// its events were made (text and JSON reports); nothing changes without locations.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/report.hpp"
#include "golden/test_support/trace_builder.hpp"

namespace golden {
namespace {

using test::TraceBuilder;
using ::testing::HasSubstr;
using ::testing::Not;

SourceLocation at(const char* file, int line, const char* function) {
  SourceLocation s;
  s.file = file;
  s.line = line;
  s.function = function;
  s.caller = "main";
  s.module = "/usr/bin/tool";
  return s;
}

// A and B write different text to stdout, from different lines of print_greeting.
CompareResult greeting(bool locate_a, bool locate_b) {
  TraceBuilder a(100, "/w");
  const Seq wa = a.write(100, 1, "hello\n");
  a.exit(100);
  TraceBuilder b(100, "/w");
  const Seq wb = b.write(100, 1, "hallo\n");
  b.exit(100);
  Trace ta = a.build();
  Trace tb = b.build();
  if (locate_a) ta.events.at(wa).source = at("/src/greet.c", 12, "print_greeting");
  if (locate_b) tb.events.at(wb).source = at("/src/greet.c", 14, "print_greeting");
  return compare(ta, tb);
}

TEST(SourceInReports, EachDivergenceSaysWhereItsEventsWereMade) {
  const CompareResult r = greeting(true, true);
  ASSERT_FALSE(r.divergences.empty());
  const Divergence& d = r.divergences.front();
  ASSERT_TRUE(d.source_a && d.source_b);
  EXPECT_EQ(d.source_a->line, 12);
  EXPECT_EQ(d.source_b->line, 14);
  EXPECT_THAT(render_text(r), HasSubstr("    at: A greet.c:12 print_greeting() <- main(); B "
                                        "greet.c:14 print_greeting() <- main()\n"));
  const auto j = nlohmann::json::parse(render_json(r));
  const auto& dj = j.at("divergences").at(0);
  EXPECT_EQ(dj.at("source_a").at("line"), 12);
  EXPECT_EQ(dj.at("source_b").at("function"), "print_greeting");
}

TEST(SourceInReports, OnlyWhenBothTracesHaveLocations) {
  const CompareResult r = greeting(true, false);
  ASSERT_FALSE(r.divergences.empty());
  EXPECT_FALSE(r.divergences.front().source_a.has_value());
  EXPECT_THAT(render_text(r), Not(HasSubstr("    at: ")));
  const auto j = nlohmann::json::parse(render_json(r));
  EXPECT_FALSE(j.at("divergences").at(0).contains("source_a"));
}

}  // namespace
}  // namespace golden
