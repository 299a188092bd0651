// Turns decoded trace text into a TraceFile. The fast path reads golden-trace line by
// line (one record per line), which is also what makes a cut-off file readable: every
// complete line is a complete record. Complete lines are collected into batches that are
// decoded (SAX, straight into the model; on worker threads for big inputs) and then
// assembled in file order. When the first line is not a golden-trace header line (the
// file was reformatted, e.g. by `jq .`, or is renacer-json-v1), the document is read
// piece by piece instead (document_reader.hpp). Either way no record may pass
// ReadOptions::max_record bytes, blank space before it included.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "byte_source.hpp"
#include "document_reader.hpp"
#include "golden/io/trace_reader.hpp"
#include "record_batch.hpp"
#include "record_decoder.hpp"
#include "trace_assembler.hpp"

namespace golden::io_detail {

class TextReader {
 public:
  TextReader(std::string name, const ReadOptions& options);
  // Takes the next chunk of text; an Error stops reading.
  Status feed(const TextChunk& chunk);
  // End of input.
  Result<TraceFile> finish(const DecodeInfo& info);

 private:
  enum class Mode { Detect, Lines, Document };

  Status feed_text(std::string_view text);
  Status feed_lines(std::string_view text);
  // A run of blank lines from text[start] (nothing pending): skipped, start moved past it.
  Status skip_blank_lines(std::string_view text, std::size_t& start);
  Status start_document();
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
  Error line_error(std::uint64_t line, std::string message, std::size_t column = 0) const;
  Error record_too_long(std::uint64_t at) const;
  // "FILE: byte N" for an offset in the text; for zstd input, N is where the compressed
  // input stood (the decompressed offset is given too).
  std::string at_byte(std::uint64_t text_offset) const;

  std::string name_;
  ReadOptions options_;
  Mode mode_ = Mode::Detect;
  std::string buf_;         // Detect: all text so far; Lines: the unfinished line
  std::uint64_t line_ = 0;  // 1-based number of the line being handled
  std::uint64_t offset_ = 0;        // text offset of the chunk being fed
  std::uint64_t record_start_ = 0;  // Lines: where the next record's text (blank lines too) starts
  bool zstd_ = false;
  std::uint64_t input_offset_ = 0;  // zstd: the compressed input read when the chunk came out
  std::optional<DocumentReader> document_;
  bool closed_ = false;     // the document's closing "]}" was seen
  TraceAssembler assembler_;
  RecordBatch batch_;       // complete lines not yet sent for decoding
  BatchPipeline pipeline_;  // batches being decoded
  RecordDecoder decoder_;   // the last line
};

}  // namespace golden::io_detail
