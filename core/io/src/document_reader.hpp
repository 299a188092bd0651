// Reads a trace that is one JSON document but not in golden-trace's line layout: a
// reformatted golden-trace file (`jq . trace.json`) or a renacer-json-v1 file. The document
// comes split (document_splitter.hpp): each element of "records" (golden) or "syscalls"
// (renacer) is decoded as it arrives, the other top-level members are kept as the header.
// Memory is bounded by the largest record, not by the file.
//
// Which of the two a document is depends on its "format", which may come after the array
// (`jq -S` sorts keys). Until it is known, an array is decoded as its key suggests and its
// first error is held back: the header's errors (unknown format or version) come first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "document_splitter.hpp"
#include "golden/io/trace_reader.hpp"
#include "record_batch.hpp"
#include "record_decoder.hpp"
#include "renacer_import.hpp"
#include "trace_assembler.hpp"

namespace golden::io_detail {

// Places a decoded golden-trace record (Lines and Document layouts alike); throws
// RecordError.
void place_record(TraceAssembler& assembler, LineResult&& result);

class DocumentReader {
 public:
  // `where(offset)`: an error location for a byte offset of the text.
  DocumentReader(std::string name, const ReadOptions& options,
                 std::function<std::string(std::uint64_t)> where);
  Status feed(std::string_view text) { return splitter_.feed(text); }
  Result<TraceFile> finish();

 private:
  enum class Format : std::uint8_t { Unknown, Golden, Renacer };
  // One reading of the document: golden records or renacer syscalls.
  struct Reading {
    bool seen = false;  // its array was read (decoded or skipped)
    bool skipped = false;
    std::optional<Error> error;  // the first, held back while the format is unknown
  };

  Status on_piece(const DocumentPiece& piece);
  Status on_member(const DocumentPiece& piece);
  Status on_element(const DocumentPiece& piece);
  void golden_record(const DocumentPiece& piece);
  void renacer_syscall(const DocumentPiece& piece);
  // An error of `reading`: returned at once when the format is known, else kept.
  Status held(Reading& reading, Error error);
  // The format (and for golden, the version) is known: errors need not wait.
  bool decided(const Reading& reading) const;
  Error syntax_error(const DocumentPiece& piece, const std::string& message,
                     std::size_t byte) const;

  std::string name_;
  ReadOptions options_;
  std::function<std::string(std::uint64_t)> where_;
  DocumentSplitter splitter_;
  Json head_ = Json::object();  // top-level members other than the streamed arrays
  std::uint64_t head_bytes_ = 0;
  Format format_ = Format::Unknown;
  bool version_checked_ = false;  // golden: format and version were found good
  Reading golden_;
  Reading renacer_;
  TraceAssembler assembler_;
  RecordDecoder decoder_;
  RenacerImport renacer_import_;
};

}  // namespace golden::io_detail
