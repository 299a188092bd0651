// Turns decoded trace text into a TraceFile. The fast path reads golden-trace line by
// line (one record per line), which is also what makes a cut-off file readable: every
// complete line is a complete record. Complete lines are collected into batches that are
// decoded (SAX, straight into the model; on worker threads for big inputs) and then
// assembled in file order. When the first line is not a golden-trace header line (the
// file was reformatted, e.g. by `jq .`, or is renacer-json-v1), the whole document is
// parsed at once instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "byte_source.hpp"
#include "golden/io/trace_reader.hpp"
#include "record_batch.hpp"
#include "record_decoder.hpp"
#include "trace_assembler.hpp"

namespace golden::io_detail {

class TextReader {
 public:
  TextReader(std::string name, const ReadOptions& options);
  // Takes the next chunk of text; an Error stops reading.
  Status feed(std::string_view chunk);
  // End of input.
  Result<TraceFile> finish(const DecodeInfo& info);

 private:
  enum class Mode { Detect, Lines, Document };

  Status feed_lines(std::string_view text);
  Status on_header_line(std::string_view line);
  // A complete line: checked for its place in the layout, then batched for decoding.
  Status on_line(std::string_view line);
  // The last line of input when it has no newline: possibly a record cut short.
  Status on_last_line(std::string_view line);
  Status send_batch(bool last);
  Status commit(RecordBatch& batch);
  // Places one decoded record; throws RecordError.
  void apply(LineResult&& result);
  // Commits every batch in flight, then reports `error` unless one of them had an
  // earlier one: errors are reported in file order whatever was decoded first.
  Status fail_after_pending(Error error);
  Status drain();
  Result<TraceFile> finish_document();
  Error line_error(std::uint64_t line, std::string message, std::size_t column = 0) const;
  Error line_too_long() const;

  std::string name_;
  ReadOptions options_;
  Mode mode_ = Mode::Detect;
  std::string buf_;         // Detect/Document: all text so far; Lines: the unfinished line
  std::uint64_t line_ = 0;  // 1-based number of the line being handled
  bool closed_ = false;     // the document's closing "]}" was seen
  TraceAssembler assembler_;
  RecordBatch batch_;       // complete lines not yet sent for decoding
  BatchPipeline pipeline_;  // batches being decoded
  RecordDecoder decoder_;   // the last line, and reformatted documents
};

}  // namespace golden::io_detail
