// Compressed input that is corrupt, cut, or far bigger than it looks.
#include <gtest/gtest.h>

#include <chrono>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"
#include "golden/test_support/files.hpp"
#include "sample_trace.hpp"

namespace golden {
namespace {

using Clock = std::chrono::steady_clock;

TEST(IoZstd, CorruptDataIsAnErrorWithAByteOffset) {
  const std::string path = io_test::fixture("corrupt.json.zst");
  auto r = read_trace(path);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("corrupt zstd data"), std::string::npos)
      << r.error().to_string();
  EXPECT_EQ(r.error().where.rfind(path + ": byte ", 0), 0u) << r.error().where;
}

TEST(IoZstd, ChecksumCatchesAFlippedByte) {
  // Flip one byte in every position of a small compressed trace: no crash, and never a
  // silently different trace (an error, or a truncated/identical read).
  const test::TempDir scratch;
  const std::string dir = scratch.path();
  ASSERT_TRUE(write_trace(io_test::sample_trace(), dir + "/t.json.zst").ok());
  const std::string good = test::read_file(dir + "/t.json.zst");
  const std::string expected = format_trace(io_test::sample_trace());
  for (std::size_t i = 4; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    auto r = parse_trace(bad, "flip.json.zst");
    if (r.ok() && !r->truncated) {
      EXPECT_EQ(format_trace(*r), expected) << "byte " << i;
    }
  }
}

TEST(IoZstd, BombThatDeclaresItsSizeIsRejectedBeforeDecompressing) {
  // 1 GiB of zeros in a ~33 KiB file whose frame header records the content size.
  ReadOptions opts;
  opts.max_decompressed = 256 << 20;
  auto start = Clock::now();
  auto r = read_trace(io_test::fixture("bomb.json.zst"), opts);
  auto elapsed = Clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("declares 1073741824 bytes"), std::string::npos)
      << r.error().to_string();
  EXPECT_NE(r.error().message.find("256 MiB"), std::string::npos) << r.error().to_string();
  EXPECT_LT(elapsed, std::chrono::seconds(1));
}

TEST(IoZstd, BombWithoutDeclaredSizeIsRefusedAtItsFirstByte) {
  // The same bomb written by a streaming compressor: no size in the header. Its text is
  // not a trace from the first byte on, and nothing more is decompressed.
  auto r = read_trace(io_test::fixture("bomb-stream.json.zst"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "not a trace file: the document is not a JSON object (it starts with byte 0x00)");
  EXPECT_NE(r.error().where.find("(decompressed byte 0)"), std::string::npos) << r.error().where;
  // A streamed bomb whose text looks like records: input_limits_test.cpp.
}

TEST(IoZstd, DefaultLimitIsEightGiB) {
  EXPECT_EQ(ReadOptions{}.max_decompressed, std::uint64_t{8} << 30);
  // A frame header declaring 9 GiB (single segment, 8-byte content size), then nothing:
  // rejected by the default limit without reading further.
  std::string frame("\x28\xb5\x2f\xfd\xe0", 5);
  std::uint64_t size = std::uint64_t{9} << 30;
  for (int i = 0; i < 8; ++i) frame += static_cast<char>(size >> (8 * i) & 0xff);
  auto r = parse_trace(frame, "huge.json.zst");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("8 GiB"), std::string::npos) << r.error().to_string();
  EXPECT_EQ(r.error().where, "huge.json.zst: byte 0");
}

TEST(IoZstd, PlainInputIsCappedToo) {
  ReadOptions opts;
  opts.max_decompressed = 1024;
  auto r = parse_trace(format_trace(io_test::bulk_trace(100)), "big.json", opts);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("larger than the limit of 1024 bytes"), std::string::npos)
      << r.error().to_string();
}

TEST(IoZstd, OverlongLineIsCapped) {
  // Corrupt input without newlines must not make the line reader buffer everything: it
  // stops where the record passes the limit.
  ReadOptions opts;
  opts.max_record = 4096;
  std::string text = format_trace(io_test::sample_trace());
  const std::size_t line2 = text.find('\n') + 1;
  text.insert(line2, std::string(10000, ' '));
  auto r = parse_trace(text, "long.json", opts);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "long.json: byte " + std::to_string(line2 + 4096));
  EXPECT_EQ(r.error().message,
            "line 2: no complete record in 4096 bytes (the limit for one record, "
            "ReadOptions::max_record); corrupt input?");
}

TEST(IoZstd, FileCompressedByTheZstdToolReads) {
  // `zstd -19 sample.golden.json`: another compressor, a content size in the header.
  auto r = read_trace(io_test::fixture("sample.golden.json.zst"));
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  io_test::expect_same_trace(io_test::sample_trace(), *r);
  EXPECT_FALSE(r->truncated);
}

TEST(IoZstd, ConcatenatedFramesAreOneStream) {
  // `cat a.zst b.zst` is valid zstd; the text is the concatenation.
  std::string text = format_trace(io_test::sample_trace());
  std::size_t mid = text.size() / 2;
  std::string two =
      io_test::zstd_compress(text.substr(0, mid)) + io_test::zstd_compress(text.substr(mid));
  auto r = parse_trace(two, "two.json.zst");
  ASSERT_TRUE(r.ok()) << r.error().to_string();
  io_test::expect_same_trace(io_test::sample_trace(), *r);
}

}  // namespace
}  // namespace golden
