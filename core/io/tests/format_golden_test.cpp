// The format is a contract with every golden file users have committed: the exact
// bytes for a known trace are kept in testdata/traces/sample.golden.json. A change to
// the output shows up here as a diff; refresh with GOLDEN_UPDATE=1 only when the change
// is intended (and old files still read: see the second test).
#include <gtest/gtest.h>

#include <cstdlib>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

TEST(IoFormatGolden, SampleTraceMatchesCommittedBytes) {
  const std::string path = io_test::fixture("sample.golden.json");
  const std::string actual = format_trace(io_test::sample_trace());
  const char* update = std::getenv("GOLDEN_UPDATE");
  if (update != nullptr && std::string(update) == "1") {
    test::write_file(path, actual);
    GTEST_SKIP() << "updated " << path;
  }
  ASSERT_TRUE(test::file_exists(path)) << path << " missing; run with GOLDEN_UPDATE=1";
  EXPECT_EQ(test::read_file(path), actual);
}

TEST(IoFormatGolden, CommittedSampleReadsBackAsTheModel) {
  auto back = read_trace(io_test::fixture("sample.golden.json"));
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  io_test::expect_same_trace(io_test::sample_trace(), *back);
  EXPECT_FALSE(back->truncated);
}

TEST(IoFormatGolden, DocumentedExampleIsExactWriterOutput) {
  // docs/trace-format.md section 2 must stay a real, canonical golden-trace file.
  const std::string doc = test::read_file(std::string(GOLDEN_SOURCE_DIR) + "/docs/trace-format.md");
  const auto section = doc.find("## 2. Example");
  ASSERT_NE(section, std::string::npos);
  const auto open = doc.find("```\n", section);
  const auto close = doc.find("```\n", open + 4);
  ASSERT_NE(close, std::string::npos);
  const std::string example = doc.substr(open + 4, close - open - 4);
  auto r = parse_trace(example, "trace-format.md example");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  EXPECT_FALSE(r->truncated);
  EXPECT_TRUE(r->counters.empty());
  ASSERT_EQ(r->runs.size(), 1u);
  EXPECT_EQ(r->runs[0].events.size(), 6u);
  EXPECT_EQ(r->runs[0].events[1].args[1].str, std::string("/tmp/bad\xff\xfe name\n"));
  EXPECT_EQ(format_trace(*r), example);
}

}  // namespace
}  // namespace golden
