// The small pieces the evaluators stand on: robust statistics, byte sizes,
// span pairing.
#include <gtest/gtest.h>

#include "../src/config_fields.hpp"
#include "check_helpers.hpp"
#include "golden/assertions/run_stats.hpp"
#include "golden/assertions/spans.hpp"

namespace golden::test {
namespace {

TEST(RunStats, MedianQuartilesAndMad) {
  const Spread s = spread_of({5, 1, 4, 2, 3});
  EXPECT_EQ(s.n, 5u);
  EXPECT_DOUBLE_EQ(s.median, 3);
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.max, 5);
  EXPECT_DOUBLE_EQ(s.q1, 2);
  EXPECT_DOUBLE_EQ(s.q3, 4);
  EXPECT_DOUBLE_EQ(s.iqr(), 2);
  EXPECT_DOUBLE_EQ(s.mad, 1);
  EXPECT_NEAR(s.median_se(), 1.2533 * 1.4826 / std::sqrt(5.0), 1e-9);
  const Spread even = spread_of({10, 20});
  EXPECT_DOUBLE_EQ(even.median, 15);
  EXPECT_DOUBLE_EQ(even.mad, 5);
}

TEST(RunStats, NoiseJudgement) {
  const Spread one = spread_of({100});
  EXPECT_FALSE(too_noisy_to_judge(one, 100)) << "one run: no noise estimate, the run decides";
  const Spread steady = spread_of({100, 100, 100});
  EXPECT_FALSE(too_noisy_to_judge(steady, 100.5));
  const Spread noisy = spread_of({80, 100, 120, 90, 110});
  EXPECT_TRUE(too_noisy_to_judge(noisy, 105));
  EXPECT_FALSE(too_noisy_to_judge(noisy, 200));
  EXPECT_TRUE(too_noisy_to_judge(noisy, spread_of({95, 100, 105}), 1.05));
  EXPECT_FALSE(too_noisy_to_judge(noisy, spread_of({49, 50, 51}), 1.1));
}

TEST(ByteSizes, UnitsAndMistakes) {
  using detail::parse_byte_size;
  EXPECT_EQ(parse_byte_size("10MB"), 10000000u);
  EXPECT_EQ(parse_byte_size(" 10 MiB "), 10485760u);
  EXPECT_EQ(parse_byte_size("1.5G"), 1500000000u);
  EXPECT_EQ(parse_byte_size("512"), 512u);
  EXPECT_EQ(parse_byte_size("4kib"), 4096u);
  EXPECT_FALSE(parse_byte_size("MB"));
  EXPECT_FALSE(parse_byte_size("10 parsecs"));
  EXPECT_FALSE(parse_byte_size("-5"));
}

TEST(SpanPairing, PairedPerThreadAndUnclosedOnesLastToTheThreadEnd) {
  NumberedTraceBuilder m;
  m.process(1, 0, "app", 0ms, 100ms);
  m.span_open(1, 1, "outer", 1ms);
  m.span_open(1, 2, "other_thread", 2ms);
  m.span_open(1, 1, "inner", 3ms);
  m.span_close(1, 1, "inner", 4ms);
  m.span_close(1, 2, "never_opened", 5ms);
  m.span_close(1, 1, "outer", 6ms);
  m.call(1, 2, "write", 7ms, 3ms);
  const SpanSet s = user_spans(m.build());
  ASSERT_EQ(s.spans.size(), 3u);
  EXPECT_EQ(s.spans[0].name, "outer");
  EXPECT_EQ(s.spans[0].duration(), 5ms);
  EXPECT_EQ(s.spans[2].name, "inner");
  EXPECT_EQ(s.spans[2].depth, 1);
  EXPECT_EQ(s.spans[1].name, "other_thread");
  EXPECT_FALSE(s.spans[1].close_seq);
  EXPECT_EQ(s.spans[1].end, 10ms) << "an unclosed span lasts until its thread's last event";
  EXPECT_EQ(s.unclosed, 1u);
  EXPECT_EQ(s.unmatched_closes, 1u);
}

}  // namespace
}  // namespace golden::test
