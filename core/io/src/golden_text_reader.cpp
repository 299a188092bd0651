#include "golden_text_reader.hpp"

#include <algorithm>
#include <optional>

#include "renacer_import.hpp"

namespace golden::io_detail {
namespace {

constexpr std::string_view kHeaderEnd = "\"records\":[";

// A golden-trace header line is well under this (its longest field is the -e expression);
// text without a newline by then is read as a JSON document.
constexpr std::size_t kMaxHeaderLine = 1 << 20;

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

std::string size_text(std::uint64_t n) {
  if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
  return std::to_string(n) + " bytes";
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

Status TextReader::feed(const TextChunk& chunk) {
  zstd_ = chunk.zstd;
  input_offset_ = chunk.input_offset;
  Status st = feed_text(chunk.text);
  offset_ += chunk.text.size();
  return st;
}

std::string TextReader::at_byte(std::uint64_t text_offset) const {
  if (!zstd_) return name_ + ": byte " + std::to_string(text_offset);
  return name_ + ": byte " + std::to_string(input_offset_) + " (decompressed byte " +
         std::to_string(text_offset) + ")";
}

Status TextReader::start_document() {
  mode_ = Mode::Document;
  document_.emplace(name_, options_, [this](std::uint64_t at) { return at_byte(at); });
  std::string text = std::move(buf_);
  buf_.clear();
  return document_->feed(text);
}

Status TextReader::feed_text(std::string_view chunk) {
  if (mode_ == Mode::Lines) return feed_lines(chunk);
  if (mode_ == Mode::Document) return document_->feed(chunk);
  const std::size_t had = buf_.size();
  buf_.append(chunk);
  auto nl = buf_.find('\n', had);
  if (nl == std::string::npos) {
    // No line yet: a header line is short, so this is not golden-trace line layout. The
    // document reader takes it (a golden-trace file is a JSON document too).
    if (buf_.size() > kMaxHeaderLine) return start_document();
    return Ok{};
  }
  std::string_view first(buf_.data(), nl);
  if (!header_line(first)) return start_document();
  mode_ = Mode::Lines;
  line_ = 1;
  Status st = on_header_line(first);
  if (!st) return st;
  std::string rest = buf_.substr(nl + 1);
  buf_.clear();
  // Offsets in feed_lines are those of `rest`'s chunk: it starts right after the header.
  const std::uint64_t chunk_offset = offset_;
  offset_ = offset_ - had + nl + 1;
  record_start_ = offset_;
  st = feed_lines(rest);
  offset_ = chunk_offset;
  return st;
}

Status TextReader::feed_lines(std::string_view text) {
  std::size_t start = 0;
  for (;;) {
    if (buf_.empty() && start < text.size() && is_space(text[start])) {
      Status st = skip_blank_lines(text, start);
      if (!st) return st;
    }
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) break;
    ++line_;
    // A record's text, and the blank lines before it, stay within max_record.
    if (offset_ + nl - record_start_ > options_.max_record)
      return fail_after_pending(record_too_long(record_start_ + options_.max_record));
    Status st = Ok{};
    bool blank = false;
    if (buf_.empty()) {
      std::string_view line = text.substr(start, nl - start);
      blank = trim(line).empty();
      st = on_line(line);
    } else {
      // A line split across two chunks: the only text the splitter copies.
      buf_.append(text.substr(start, nl - start));
      blank = trim(buf_).empty();
      st = on_line(buf_);
      buf_.clear();
    }
    if (!st) return st;
    if (!blank) record_start_ = offset_ + nl + 1;
    start = nl + 1;
  }
  buf_.append(text.substr(start));
  if (offset_ + text.size() - record_start_ > options_.max_record) {
    ++line_;
    return fail_after_pending(record_too_long(record_start_ + options_.max_record));
  }
  if (batch_.text.size() >= kBatchBytes) return send_batch(false);
  return Ok{};
}

Status TextReader::skip_blank_lines(std::string_view text, std::size_t& start) {
  // What the line loop would do, one blank line at a time, at once: blank lines count
  // towards the next record's size (so the error is the same line and byte), nothing else.
  std::size_t end = start;
  while (end < text.size() && is_space(text[end])) ++end;
  const std::string_view run = text.substr(start, end - start);
  const std::size_t last = run.rfind('\n');
  if (last == std::string_view::npos) return Ok{};
  const std::uint64_t run_offset = offset_ + start;
  const std::uint64_t limit_at = record_start_ + options_.max_record;
  if (run_offset + last > limit_at) {
    const std::size_t from = limit_at >= run_offset ? limit_at - run_offset + 1 : 0;
    const std::size_t bad = run.find('\n', from);
    line_ += static_cast<std::uint64_t>(std::count(run.begin(), run.begin() + bad + 1, '\n'));
    return fail_after_pending(record_too_long(limit_at));
  }
  line_ += static_cast<std::uint64_t>(std::count(run.begin(), run.begin() + last + 1, '\n'));
  start += last + 1;
  return Ok{};
}

Error TextReader::record_too_long(std::uint64_t at) const {
  return Error{"line " + std::to_string(line_) + ": no complete record in " +
                   size_text(options_.max_record) +
                   " (the limit for one record, ReadOptions::max_record); corrupt input?",
               at_byte(at)};
}

Status TextReader::on_header_line(std::string_view line) {
  std::size_t lead = 0;
  std::string text(trim(line, &lead));
  // Parsed into a DOM, whose values some messages print recursively (nlohmann's dump).
  if (auto deep = nesting_passes(text, kMaxJsonDepth); deep != std::string_view::npos)
    return line_error(line_, "JSON nested more than " + std::to_string(kMaxJsonDepth) +
                                 " levels deep", lead + deep + 1);
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
  place_record(assembler_, std::move(r));
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
    if (mode_ == Mode::Detect) {
      Status st = start_document();
      if (!st) return st.error();
    }
    out = document_->finish();
  }
  if (out && info.zstd_truncated) {
    // The compressed stream ended mid-frame: whatever was recovered, the file is cut.
    out->truncated = true;
    out->counters["reader.truncated"] = 1;
    out->counters["reader.zstd_truncated"] = 1;
  }
  return out;
}

}  // namespace golden::io_detail
