#include "document_reader.hpp"

#include "header_parse.hpp"

namespace golden::io_detail {
namespace {

std::string size_text(std::uint64_t n) {
  if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
  return std::to_string(n) + " bytes";
}

}  // namespace

void place_record(TraceAssembler& assembler, LineResult&& r) {
  if (r.outcome == RecordDecoder::Outcome::Invalid) {
    // Where the record stands is checked before its fields, as if it had been read in
    // that order.
    if (r.record.type != RecordType::None) assembler.check_start(r.record.type_name);
    fail(std::move(r.error));
  }
  assembler.add(std::move(r.record));
}

DocumentReader::DocumentReader(std::string name, const ReadOptions& options,
                               std::function<std::string(std::uint64_t)> where)
    : name_(std::move(name)),
      options_(options),
      where_(std::move(where)),
      splitter_({"records", "syscalls"}, options.max_record, where_,
                [this](const DocumentPiece& p) { return on_piece(p); }) {}

Status DocumentReader::on_piece(const DocumentPiece& piece) {
  switch (piece.kind) {
    case DocumentPiece::Kind::Member:
      return on_member(piece);
    case DocumentPiece::Kind::ArrayStart:
      (*piece.key == "records" ? golden_ : renacer_).seen = true;
      return Ok{};
    case DocumentPiece::Kind::Element:
      return on_element(piece);
  }
  return Ok{};
}

Error DocumentReader::syntax_error(const DocumentPiece& piece, const std::string& message,
                                   std::size_t byte) const {
  // nlohmann counts bytes from 1 (0 when it has no position), and its "line 1, column N"
  // would be within the piece, not the file: the byte offset says where.
  std::string_view what = message;
  if (what.starts_with("parse error at line ")) {
    const auto colon = what.find(": ");
    if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
  }
  return Error{"not a JSON trace file: " + std::string(what),
               where_(piece.offset + (byte > 0 ? byte - 1 : 0))};
}

Status DocumentReader::on_member(const DocumentPiece& piece) {
  head_bytes_ += piece.key->size() + piece.text.size();
  if (head_bytes_ > options_.max_record)
    return Error{"the document's members other than its records are larger than " +
                     size_text(options_.max_record) +
                     " (the limit for one record, ReadOptions::max_record)",
                 where_(piece.offset)};
  Json value;
  try {
    value = Json::parse(piece.text);
  } catch (const Json::parse_error& e) {
    return syntax_error(piece, parse_error_text(e), e.byte);
  } catch (const Json::exception& e) {
    return syntax_error(piece, parse_error_text(e), 0);
  }
  const std::string& key = *piece.key;
  head_[key] = std::move(value);
  if (key == "format") {
    const Json& f = head_[key];
    if (f == "golden-trace") {
      format_ = Format::Golden;
    } else if (f == "renacer-json-v1") {
      format_ = Format::Renacer;
    } else {
      // What the header check says at the end, said now: no need to read on.
      std::uint64_t unknown = 0;
      try {
        parse_header(head_, unknown);
      } catch (const RecordError& e) {
        return Error{e.message, name_};
      }
    }
    // The other reading was a guess that did not come true.
    Reading& dropped = format_ == Format::Golden ? renacer_ : golden_;
    dropped.skipped = true;
    dropped.error.reset();
  }
  if (format_ == Format::Golden && !version_checked_ && head_.contains("version")) {
    std::uint64_t unknown = 0;
    try {
      parse_header(head_, unknown);  // format and version (and what else came so far)
    } catch (const RecordError& e) {
      return Error{e.message, name_};
    }
    version_checked_ = true;
  }
  if (format_ == Format::Golden && version_checked_ && golden_.error) return *golden_.error;
  if (format_ == Format::Renacer && renacer_.error) return *renacer_.error;
  return Ok{};
}

bool DocumentReader::decided(const Reading& reading) const {
  if (&reading == &golden_) return format_ == Format::Golden && version_checked_;
  return format_ == Format::Renacer;
}

Status DocumentReader::held(Reading& reading, Error error) {
  if (decided(reading)) return error;
  reading.error = std::move(error);
  return Ok{};
}

Status DocumentReader::on_element(const DocumentPiece& piece) {
  const bool golden = *piece.key == "records";
  Reading& reading = golden ? golden_ : renacer_;
  reading.seen = true;
  // Skipped: the format says it is not this reading's array, or an error is held back.
  if (reading.skipped || reading.error) return Ok{};
  if (golden) {
    LineResult r = decode_line(decoder_, piece.text);
    if (r.outcome == RecordDecoder::Outcome::SyntaxError)
      return held(reading, syntax_error(piece, r.error, r.error_byte));
    try {
      place_record(assembler_, std::move(r));
    } catch (const RecordError& e) {
      return held(reading, Error{e.message, name_ + ": records[" + std::to_string(piece.index) + "]"});
    }
    return Ok{};
  }
  Json element;
  try {
    element = Json::parse(piece.text);
  } catch (const Json::parse_error& e) {
    return held(reading, syntax_error(piece, parse_error_text(e), e.byte));
  } catch (const Json::exception& e) {
    return held(reading, syntax_error(piece, parse_error_text(e), 0));
  }
  try {
    renacer_import_.syscall(element);
  } catch (const RecordError& e) {
    return held(reading,
                Error{e.message, name_ + ": syscalls[" + std::to_string(piece.index) + "]"});
  }
  return Ok{};
}

Result<TraceFile> DocumentReader::finish() {
  if (splitter_.empty()) return Error{"empty file: not a trace", name_};
  Status st = splitter_.finish();
  if (!st) return st.error();
  if (format_ == Format::Renacer) {
    if (renacer_.error) return *renacer_.error;
    auto file = renacer_import_.finish(head_, renacer_.seen, name_);
    if (file && golden_.seen) ++file->counters["reader.unknown_field"];
    return file;
  }
  try {
    assembler_.header(head_);
  } catch (const RecordError& e) {
    return Error{e.message, name_};
  }
  if (golden_.error) return *golden_.error;
  if (!golden_.seen) return Error{"golden-trace document without a \"records\" array", name_};
  if (renacer_.seen) ++assembler_.counters()["reader.unknown_field"];
  TraceFile file = assembler_.finish();
  // Not an error, but such a file loses line-based diffs and cut-off recovery.
  file.counters["reader.reformatted_document"] = 1;
  return file;
}

}  // namespace golden::io_detail
