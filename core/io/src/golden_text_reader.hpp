// Turns decoded trace text into a TraceFile. The fast path reads golden-trace line by
// line (one record per line), which is also what makes a cut-off file readable: every
// complete line is a complete record. When the first line is not a golden-trace header
// line (the file was reformatted, e.g. by `jq .`, or is renacer-json-v1), the whole
// document is parsed at once instead.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "byte_source.hpp"
#include "golden/io/trace_reader.hpp"
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
  Status on_line(std::string_view line, bool terminated);
  Status add_record(const Json& record);
  Result<TraceFile> finish_document();
  Error line_error(std::string message, std::size_t column = 0) const;
  Error line_too_long() const;

  std::string name_;
  ReadOptions options_;
  Mode mode_ = Mode::Detect;
  std::string buf_;         // Detect/Document: all text so far; Lines: the unfinished line
  std::uint64_t line_ = 0;  // 1-based number of the line being handled
  bool closed_ = false;     // the document's closing "]}" was seen
  TraceAssembler assembler_;
};

}  // namespace golden::io_detail
