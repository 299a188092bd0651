#include "document_splitter.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace golden::io_detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Bytes that can change the splitter's state outside a string.
bool is_structural(char c) {
  return c == '"' || c == '{' || c == '}' || c == '[' || c == ']' || c == ',';
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string shown(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string("'") + c + "'";
  static const char* const kHex = "0123456789abcdef";
  return std::string("byte 0x") + kHex[u >> 4] + kHex[u & 15];
}

std::string size_text(std::uint64_t n) {
  if (n >= (1u << 20) && n % (1u << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= (1u << 10) && n % (1u << 10) == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

}  // namespace

std::size_t nesting_passes(std::string_view json, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return i;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

DocumentSplitter::DocumentSplitter(std::vector<std::string> streamed, std::uint64_t max_piece,
                                   std::function<std::string(std::uint64_t)> where, PieceSink sink)
    : streamed_(std::move(streamed)),
      max_piece_(max_piece),
      where_(std::move(where)),
      sink_(std::move(sink)) {}

Error DocumentSplitter::error(std::string message, std::uint64_t at) const {
  return Error{std::move(message), where_(at)};
}

Error DocumentSplitter::unexpected(char c, std::string_view expected) const {
  return error("not a JSON trace file: " + shown(c) + " where " + std::string(expected) +
                   " was expected",
               offset_);
}

Status DocumentSplitter::feed(std::string_view chunk) {
  std::size_t i = 0;
  while (i < chunk.size()) {
    // Whatever the state, no piece (with the whitespace before it) may pass max_piece_:
    // this is what stops a document of nothing but spaces, or one endless string.
    const std::uint64_t used = offset_ - piece_start_;
    if (used >= max_piece_)
      return error("no complete JSON value in " + size_text(max_piece_) +
                       " (the limit for one record, ReadOptions::max_record); corrupt input?",
                   offset_);
    // Runs of bytes that change no state are taken at once (the reader's speed on big
    // documents, and how fast a bomb of blanks is refused).
    const std::size_t end =
        i + static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size() - i, max_piece_ - used));
    std::size_t j = i;
    const bool collecting = state_ == State::Value || state_ == State::Element;
    if (state_ == State::Key || (collecting && in_string_)) {
      if (!escaped_)
        while (j < end && chunk[j] != '"' && chunk[j] != '\\') ++j;
      piece_.append(chunk.data() + i, j - i);
    } else if (collecting) {
      while (j < end && !is_structural(chunk[j])) ++j;
      piece_.append(chunk.data() + i, j - i);
    } else {
      while (j < end && is_space(chunk[j])) ++j;
      if (state_ == State::AfterDocument) piece_start_ = offset_ + (j - i);  // blanks at the end
    }
    if (j > i) {
      offset_ += j - i;
      i = j;
      continue;
    }
    Status st = step(chunk[i]);
    if (!st) return st;
    ++offset_;
    ++i;
  }
  return Ok{};
}

Status DocumentSplitter::grow(char c) {
  piece_ += c;
  if (in_string_) {
    if (escaped_) {
      escaped_ = false;
    } else if (c == '\\') {
      escaped_ = true;
    } else if (c == '"') {
      in_string_ = false;
    }
    return Ok{};
  }
  if (c == '"') {
    in_string_ = true;
  } else if (c == '{' || c == '[') {
    if (++depth_ > kMaxJsonDepth)
      return error("JSON nested more than " + std::to_string(kMaxJsonDepth) + " levels deep",
                   offset_);
  }
  return Ok{};
}

Status DocumentSplitter::emit(DocumentPiece::Kind kind) {
  DocumentPiece p;
  p.kind = kind;
  p.key = &key_;
  p.text = trim_end(piece_);
  p.offset = offset_ - piece_.size();
  p.index = index_;
  Status st = sink_(p);
  piece_.clear();
  depth_ = 0;
  return st;
}

Status DocumentSplitter::step(char c) {
  switch (state_) {
    case State::BeforeDocument:
      if (is_space(c)) return Ok{};
      if (c != '{')
        return error("not a trace file: the document is not a JSON object (it starts with " +
                         shown(c) + ")",
                     offset_);
      state_ = State::BeforeKey;
      piece_start_ = offset_ + 1;
      return Ok{};

    case State::BeforeKey:
      if (is_space(c)) return Ok{};
      if (c == '}' && !any_member_) {
        state_ = State::AfterDocument;
        return Ok{};
      }
      if (c != '"') return unexpected(c, any_member_ ? "a key after ','" : "a key or '}'");
      state_ = State::Key;
      piece_ = c;
      escaped_ = false;
      return Ok{};

    case State::Key:
      piece_ += c;
      if (escaped_) {
        escaped_ = false;
      } else if (c == '\\') {
        escaped_ = true;
      } else if (c == '"') {
        try {
          key_ = nlohmann::json::parse(piece_).get<std::string>();
        } catch (const nlohmann::json::exception&) {
          return error("not a JSON trace file: malformed key", offset_ + 1 - piece_.size());
        }
        piece_.clear();
        state_ = State::BeforeColon;
      }
      return Ok{};

    case State::BeforeColon:
      if (is_space(c)) return Ok{};
      if (c != ':') return unexpected(c, "':' after the key");
      state_ = State::BeforeValue;
      return Ok{};

    case State::BeforeValue:
      if (is_space(c)) return Ok{};
      if (c == '[' && std::find(streamed_.begin(), streamed_.end(), key_) != streamed_.end()) {
        state_ = State::BeforeElement;
        index_ = 0;
        any_element_ = false;
        piece_start_ = offset_ + 1;
        return emit(DocumentPiece::Kind::ArrayStart);
      }
      if (c == ',' || c == '}' || c == ']' || c == ':') return unexpected(c, "a value");
      state_ = State::Value;
      in_string_ = escaped_ = false;
      depth_ = 0;
      return grow(c);

    case State::Value:
      if (!in_string_ && depth_ == 0 && (c == ',' || c == '}')) {
        Status st = emit(DocumentPiece::Kind::Member);
        if (!st) return st;
        piece_start_ = offset_ + 1;
        any_member_ = true;
        state_ = c == ',' ? State::BeforeKey : State::AfterDocument;
        return Ok{};
      }
      if (!in_string_ && (c == '}' || c == ']')) {
        if (depth_ == 0) return unexpected(c, "',' or '}'");
        --depth_;
        piece_ += c;
        return Ok{};
      }
      return grow(c);

    case State::BeforeElement:
      if (is_space(c)) return Ok{};
      if (c == ']' && !any_element_) {
        state_ = State::AfterMember;
        return Ok{};
      }
      if (c == ',' || c == ']' || c == '}' || c == ':')
        return unexpected(c, any_element_ ? "a record after ','" : "a record or ']'");
      state_ = State::Element;
      in_string_ = escaped_ = false;
      depth_ = 0;
      return grow(c);

    case State::Element:
      if (!in_string_ && depth_ == 0 && (c == ',' || c == ']')) {
        Status st = emit(DocumentPiece::Kind::Element);
        if (!st) return st;
        ++index_;
        piece_start_ = offset_ + 1;
        any_element_ = true;
        state_ = c == ',' ? State::BeforeElement : State::AfterMember;
        return Ok{};
      }
      if (!in_string_ && (c == '}' || c == ']')) {
        if (depth_ == 0) return unexpected(c, "',' or ']'");
        --depth_;
        piece_ += c;
        return Ok{};
      }
      return grow(c);

    case State::AfterMember:
      if (is_space(c)) return Ok{};
      if (c != ',' && c != '}') return unexpected(c, "',' or '}'");
      any_member_ = true;
      piece_start_ = offset_ + 1;
      state_ = c == ',' ? State::BeforeKey : State::AfterDocument;
      return Ok{};

    case State::AfterDocument:
      return error("text after the end of the trace document", offset_);
  }
  return Ok{};
}

Status DocumentSplitter::finish() {
  switch (state_) {
    case State::AfterDocument:
      return Ok{};
    case State::BeforeDocument:
      return Error{"empty file: not a trace", where_(offset_)};
    default:
      return error("file ends inside the JSON document (truncated?)", offset_);
  }
}

}  // namespace golden::io_detail
