// The format is a contract with every golden file users have committed: the exact
// bytes for a known trace are kept in testdata/traces/sample.golden.json. A change to
// the output shows up here as a diff; refresh with GOLDEN_UPDATE=1 only when the change
// is intended (and old files still read: see the second test).
#include <gtest/gtest.h>

#include <cstdlib>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

TEST(IoFormatGolden, SampleTraceMatchesCommittedBytes) {
  const std::string path = io_test::fixture("sample.golden.json");
  const std::string actual = format_trace(io_test::sample_trace());
  const char* update = std::getenv("GOLDEN_UPDATE");
  if (update != nullptr && std::string(update) == "1") {
    io_test::write_file(path, actual);
    GTEST_SKIP() << "updated " << path;
  }
  ASSERT_TRUE(io_test::file_exists(path)) << path << " missing; run with GOLDEN_UPDATE=1";
  EXPECT_EQ(io_test::read_file(path), actual);
}

TEST(IoFormatGolden, CommittedSampleReadsBackAsTheModel) {
  auto back = read_trace(io_test::fixture("sample.golden.json"));
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  io_test::expect_same_trace(io_test::sample_trace(), *back);
  EXPECT_FALSE(back->truncated);
}

}  // namespace
}  // namespace golden
