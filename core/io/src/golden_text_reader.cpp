#include "golden_text_reader.hpp"

#include <optional>

#include "renacer_import.hpp"

namespace golden::io_detail {
namespace {

constexpr std::string_view kHeaderEnd = "\"records\":[";

// Text per decoding batch: big enough that starting a thread for it is noise (~2 ms of
// decoding against ~50 us), small enough that a few in flight cost little memory.
constexpr std::size_t kBatchBytes = 512 * 1024;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view s, std::size_t* leading = nullptr) {
  std::size_t b = 0;
  while (b < s.size() && is_space(s[b])) ++b;
  std::size_t e = s.size();
  while (e > b && is_space(s[e - 1])) --e;
  if (leading) *leading = b;
  return s.substr(b, e - b);
}

bool header_line(std::string_view line) {
  line = trim(line);
  return !line.empty() && line.front() == '{' && line.ends_with(kHeaderEnd);
}

struct Parsed {
  std::optional<Json> value;
  std::string error;
  std::size_t byte = 0;
};

// Exceptions are for the rare malformed line; a valid line costs none.
Parsed parse(std::string_view text) {
  Parsed p;
  try {
    p.value = Json::parse(text);
  } catch (const Json::parse_error& e) {
    p.error = parse_error_text(e);
    p.byte = e.byte;
  } catch (const Json::exception& e) {
    // Not every parse failure is a parse_error: a number like 1e999 is out_of_range.
    p.error = parse_error_text(e);
  }
  return p;
}

}  // namespace

TextReader::TextReader(std::string name, const ReadOptions& options)
    : name_(std::move(name)), options_(options), pipeline_(decode_threads(options.threads)) {}

Error TextReader::line_error(std::uint64_t line, std::string message, std::size_t column) const {
  std::string where = name_ + ":" + std::to_string(line);
  if (column != 0) where += ":" + std::to_string(column);
  return Error{std::move(message), std::move(where)};
}

Status TextReader::feed(std::string_view chunk) {
  if (mode_ == Mode::Lines) return feed_lines(chunk);
  buf_.append(chunk);
  if (mode_ == Mode::Document) return Ok{};
  auto nl = buf_.find('\n');
  if (nl == std::string::npos) {
    // No line yet after max_line bytes: not golden-trace line layout.
    if (buf_.size() > options_.max_line) mode_ = Mode::Document;
    return Ok{};
  }
  std::string_view first(buf_.data(), nl);
  if (!header_line(first)) {
    mode_ = Mode::Document;
    return Ok{};
  }
  mode_ = Mode::Lines;
  line_ = 1;
  Status st = on_header_line(first);
  if (!st) return st;
  std::string rest = buf_.substr(nl + 1);
  buf_.clear();
  return feed_lines(rest);
}

Status TextReader::feed_lines(std::string_view text) {
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string_view::npos; start = nl + 1) {
    ++line_;
    if (buf_.size() + (nl - start) > options_.max_line) return fail_after_pending(line_too_long());
    Status st = Ok{};
    if (buf_.empty()) {
      st = on_line(text.substr(start, nl - start));
    } else {
      // A line split across two chunks: the only text the splitter copies.
      buf_.append(text.substr(start, nl - start));
      st = on_line(buf_);
      buf_.clear();
    }
    if (!st) return st;
  }
  buf_.append(text.substr(start));
  if (buf_.size() > options_.max_line) {
    ++line_;
    return fail_after_pending(line_too_long());
  }
  if (batch_.text.size() >= kBatchBytes) return send_batch(false);
  return Ok{};
}

Error TextReader::line_too_long() const {
  return line_error(line_, "record line longer than " + std::to_string(options_.max_line) +
                               " bytes (ReadOptions::max_line)");
}

Status TextReader::on_header_line(std::string_view line) {
  std::size_t lead = 0;
  std::string text(trim(line, &lead));
  text += "]}";  // close the document the header opens, so the line parses alone
  Parsed p = parse(text);
  if (!p.value) return line_error(line_, "malformed header: " + p.error, lead + p.byte);
  try {
    assembler_.header(*p.value);
  } catch (const RecordError& e) {
    return Error{e.message, name_};
  }
  return Ok{};
}

Status TextReader::on_line(std::string_view raw) {
  std::size_t lead = 0;
  std::string_view line = trim(raw, &lead);
  if (line.empty()) return Ok{};
  if (closed_)
    return fail_after_pending(line_error(line_, "text after the end of the trace document"));
  std::string_view body;
  if (line.ends_with(',')) {
    body = line.substr(0, line.size() - 1);
  } else if (line.ends_with("]}")) {
    body = line.substr(0, line.size() - 2);
    closed_ = true;
  } else {
    return fail_after_pending(line_error(
        line_, "record line does not end with ',' (only the eof record ends with ']}')"));
  }
  batch_.add(line_, lead, body);
  return Ok{};
}

Status TextReader::send_batch(bool last) {
  if (!batch_.empty()) {
    pipeline_.submit(std::move(batch_), last);
    batch_ = RecordBatch{};
  }
  while (pipeline_.full() || (last && !pipeline_.empty())) {
    RecordBatch done = pipeline_.pop();
    Status st = commit(done);
    if (!st) return st;
  }
  return Ok{};
}

Status TextReader::drain() {
  return send_batch(true);
}

Status TextReader::fail_after_pending(Error error) {
  Status st = drain();
  if (!st) return st;
  return error;
}

Status TextReader::commit(RecordBatch& batch) {
  for (std::size_t i = 0; i < batch.lines.size(); ++i) {
    const RecordBatch::Line& line = batch.lines[i];
    LineResult& r = batch.results[i];
    if (r.outcome == RecordDecoder::Outcome::SyntaxError)
      return line_error(line.number, "malformed record: " + r.error, line.lead + r.error_byte);
    try {
      apply(std::move(r));
    } catch (const RecordError& e) {
      return line_error(line.number, e.message);
    }
  }
  return Ok{};
}

void TextReader::apply(LineResult&& r) {
  if (r.outcome == RecordDecoder::Outcome::Invalid) {
    // Where the record stands is checked before its fields, as if it had been read in
    // that order.
    if (r.record.type != RecordType::None) assembler_.check_start(r.record.type_name);
    fail(std::move(r.error));
  }
  assembler_.add(std::move(r.record));
}

Status TextReader::on_last_line(std::string_view raw) {
  std::size_t lead = 0;
  std::string_view line = trim(raw, &lead);
  if (line.empty()) return Ok{};
  if (closed_) return line_error(line_, "text after the end of the trace document");
  // The last line of a cut-off file. A record whose closing brace made it is complete
  // even if what follows it (",", or "]}" after the eof record) did not.
  // A record may itself end in "]}" (an array as its last field), so the line as it
  // stands is tried too.
  std::string_view body = line;
  bool closes = false;
  for (std::string_view tail : {"]}", "]", ","}) {
    if (body.ends_with(tail)) {
      body.remove_suffix(tail.size());
      closes = tail != ",";
      break;
    }
  }
  LineResult r = decode_line(decoder_, body);
  if (r.outcome != RecordDecoder::Outcome::SyntaxError) {
    closed_ = closes;
  } else if (body.size() != line.size()) {
    r = decode_line(decoder_, line);
  }
  if (r.outcome == RecordDecoder::Outcome::SyntaxError) {
    ++assembler_.counters()["reader.partial_record_dropped"];
    return Ok{};
  }
  try {
    apply(std::move(r));
  } catch (const RecordError& e) {
    return line_error(line_, e.message);
  }
  return Ok{};
}

Result<TraceFile> TextReader::finish(const DecodeInfo& info) {
  Result<TraceFile> out = Error{};
  if (mode_ == Mode::Detect && header_line(buf_)) {
    // Cut right after the header, before its newline: an empty, truncated trace.
    line_ = 1;
    Status st = on_header_line(buf_);
    if (!st) return st.error();
    out = assembler_.finish();
  } else if (mode_ == Mode::Lines) {
    Status st = drain();
    if (!st) return st.error();
    if (!buf_.empty()) {
      ++line_;
      st = on_last_line(buf_);
      if (!st) return st.error();
    }
    out = assembler_.finish();
  } else {
    out = finish_document();
  }
  if (out && info.zstd_truncated) {
    // The compressed stream ended mid-frame: whatever was recovered, the file is cut.
    out->truncated = true;
    out->counters["reader.truncated"] = 1;
    out->counters["reader.zstd_truncated"] = 1;
  }
  return out;
}

Result<TraceFile> TextReader::finish_document() {
  if (trim(buf_).empty()) return Error{"empty file: not a trace", name_};
  Parsed p = parse(buf_);
  if (!p.value) {
    std::string where = name_ + ": byte " + std::to_string(p.byte);
    constexpr std::string_view kGoldenStart = "{\"format\":\"golden-trace\"";
    if (mode_ == Mode::Detect && (buf_.starts_with(kGoldenStart) || kGoldenStart.starts_with(buf_)))
      return Error{"file ends inside the golden-trace header (truncated)", where};
    return Error{"not a JSON trace file: " + p.error, where};
  }
  const Json& doc = *p.value;
  if (!doc.is_object()) return Error{"not a trace file: the document is not a JSON object", name_};
  auto format = doc.find("format");
  if (format != doc.end() && *format == "renacer-json-v1") return import_renacer(doc, name_);

  try {
    assembler_.header(doc);
  } catch (const RecordError& e) {
    return Error{e.message, name_};
  }
  auto records = doc.find("records");
  if (records == doc.end() || !records->is_array())
    return Error{"golden-trace document without a \"records\" array", name_};
  for (std::size_t i = 0; i < records->size(); ++i) {
    LineResult r;
    r.outcome = decoder_.replay((*records)[i]);
    if (r.outcome != RecordDecoder::Outcome::Decoded) r.error = decoder_.error();
    r.record = decoder_.take();
    try {
      apply(std::move(r));
    } catch (const RecordError& e) {
      return Error{e.message, name_ + ": records[" + std::to_string(i) + "]"};
    }
  }
  TraceFile file = assembler_.finish();
  // Not an error, but such a file loses line-based diffs and cut-off recovery.
  file.counters["reader.reformatted_document"] = 1;
  return file;
}

}  // namespace golden::io_detail
