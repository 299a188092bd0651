// Record lines decoded in batches, on worker threads when there is enough input, and
// handed back in file order. Why threads: even without a DOM, nlohmann's lexer costs about
// 90 instructions per byte of JSON, most of the reader's time; record lines are
// independent of each other until they are placed in the trace, so decoding spreads over
// cores while the assembler still takes every record, and reports the first error, in
// file order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <future>
#include <string>
#include <string_view>
#include <vector>

#include "record_decoder.hpp"

namespace golden::io_detail {

// What decoding one record's text gave.
struct LineResult {
  RecordDecoder::Outcome outcome = RecordDecoder::Outcome::Decoded;
  std::string error;           // SyntaxError, Invalid
  std::size_t error_byte = 0;  // SyntaxError: 1-based byte in the text, 0 if unknown
  DecodedRecord record;        // Decoded; after Invalid, the type if it was read
};

LineResult decode_line(RecordDecoder& decoder, std::string_view text);

struct RecordBatch {
  struct Line {
    std::size_t offset = 0;  // of the record's text in `text`
    std::size_t size = 0;
    std::uint64_t number = 0;  // 1-based line in the file
    std::size_t lead = 0;      // whitespace before the record on its line (error columns)
  };
  // The records' texts back to back: a copy, because the reader's input buffer is
  // refilled while the batch is decoded.
  std::string text;
  std::vector<Line> lines;
  std::vector<LineResult> results;  // one per line, after decode()
  // How many of them the one parse of the whole batch decoded; the others were decoded one
  // line at a time (after a bad line, or should the parser's position ever not be known:
  // same results, slower). Tests check the fast path is the one taken.
  std::size_t parsed_whole = 0;

  void add(std::uint64_t number, std::size_t lead, std::string_view record);
  bool empty() const { return lines.empty(); }
  void decode();
};

// Batches in flight, oldest first. With `threads` > 1, up to that many decode at once on
// their own threads while the caller splits the next lines, as long as the process has
// fewer decoding threads than cores (concurrent reads share them); otherwise, and for a
// batch submitted as the last, decoding happens in pop(), on the caller's thread.
class BatchPipeline {
 public:
  explicit BatchPipeline(unsigned threads) : threads_(threads) {}
  void submit(RecordBatch batch, bool last);
  // Enough batches are in flight: pop() one before submitting more.
  bool full() const { return pending_.size() >= (threads_ > 1 ? threads_ : 1); }
  bool empty() const { return pending_.empty(); }
  // The oldest batch, decoded (waits for it). Rethrows what decoding threw (bad_alloc).
  RecordBatch pop();

 private:
  unsigned threads_;
  std::deque<std::future<RecordBatch>> pending_;
};

// ReadOptions::threads resolved: 0 means one per core, at most 4 (more does not pay: the
// caller's thread, splitting lines and assembling the trace, becomes the limit).
unsigned decode_threads(unsigned requested);

}  // namespace golden::io_detail
