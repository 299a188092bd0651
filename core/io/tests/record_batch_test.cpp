// White-box: the batch decoder's fast path. A batch of well-formed records must be
// decoded by the one parse of the whole batch (RecordBatch::parsed_whole), not line by
// line: the line-by-line fallback gives the same results, so only this test would notice
// the reader silently losing its speed (e.g. after an nlohmann update).
#include "record_batch.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "golden/io/trace_writer.hpp"
#include "sample_trace.hpp"

namespace golden::io_detail {
namespace {

// The record lines of a formatted trace, without their separating commas (and the
// file's closing "]}" after the last one).
RecordBatch batch_of(const std::string& text) {
  RecordBatch batch;
  std::size_t start = 0;
  for (std::uint64_t number = 1; start < text.size(); ++number) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + start, nl - start);
    start = nl + 1;
    if (!line.starts_with("{\"type\":")) continue;
    if (line.ends_with(',')) line.remove_suffix(1);
    if (line.ends_with("}]}")) line.remove_suffix(2);  // the last record closes the file
    batch.add(number, 0, line);
  }
  return batch;
}

TEST(RecordBatch, WellFormedRecordsAreDecodedByOneParse) {
  RecordBatch batch = batch_of(format_trace(io_test::bulk_trace(500)));
  ASSERT_GT(batch.lines.size(), 500u);
  batch.decode();
  ASSERT_EQ(batch.results.size(), batch.lines.size());
  EXPECT_EQ(batch.parsed_whole, batch.lines.size());
  for (const LineResult& r : batch.results) EXPECT_TRUE(r.error.empty()) << r.error;
}

TEST(RecordBatch, LinesAfterABadOneAreDecodedOneByOne) {
  const std::string text = format_trace(io_test::bulk_trace(50));
  RecordBatch good = batch_of(text);
  RecordBatch batch;
  const std::size_t bad_at = 20;
  for (std::size_t i = 0; i < good.lines.size(); ++i) {
    const auto& l = good.lines[i];
    const std::string_view record(good.text.data() + l.offset, l.size);
    batch.add(l.number, 0, i == bad_at ? std::string_view("{\"type\":\"event\",\"seq\":") : record);
  }
  batch.decode();
  ASSERT_EQ(batch.results.size(), batch.lines.size());
  EXPECT_EQ(batch.parsed_whole, bad_at);
  EXPECT_FALSE(batch.results[bad_at].error.empty());
  EXPECT_TRUE(batch.results[bad_at + 1].error.empty());
}

}  // namespace
}  // namespace golden::io_detail
