// Splits one JSON document whose top level is an object into pieces as its text arrives:
// each member of the object (its key and its value's text), except that the elements of
// the array-valued members named `streamed` ("records", "syscalls") come one at a time.
// Only structure is looked at here (strings, nesting, separators); every piece is parsed
// by whoever receives it, which is where syntax errors inside a piece are found.
//
// Why: a reformatted golden-trace or a renacer-json-v1 file used to be parsed whole into a
// DOM, so memory grew with the file (several times its size) and input that never finished
// a value ("{" and 512 MiB of spaces) was read to its end before the error. Split, memory is
// bounded by the largest piece, and a piece that grows past `max_piece` bytes, or nests
// deeper than kMaxDepth, is refused at its byte offset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/model/result.hpp"

namespace golden::io_detail {

// Deeper nesting than this in a document piece is refused: golden records nest five deep,
// renacer's a few more, and some consumers walk a DOM recursively (nlohmann's dump).
inline constexpr std::size_t kMaxJsonDepth = 512;

// The offset in `json` where nesting passes `limit` levels, or npos. For text that is parsed
// into a DOM whole (the header line), as the splitter checks documents.
std::size_t nesting_passes(std::string_view json, std::size_t limit);

struct DocumentPiece {
  // ArrayStart: a streamed array opens (its elements follow, maybe none).
  enum class Kind : std::uint8_t { Member, ArrayStart, Element };
  Kind kind = Kind::Member;
  const std::string* key = nullptr;  // the member's key, decoded; Element: its array's key
  std::string_view text;             // the value (Member) or element (Element), trimmed
  std::uint64_t offset = 0;          // byte of `text` in the document text
  std::uint64_t index = 0;           // Element: 0-based place in its array
};

// An Error from a piece's receiver stops splitting and is returned by feed()/finish().
using PieceSink = std::function<Status(const DocumentPiece&)>;

class DocumentSplitter {
 public:
  // `where(offset)` turns a byte offset of the document into an error location.
  DocumentSplitter(std::vector<std::string> streamed, std::uint64_t max_piece,
                   std::function<std::string(std::uint64_t)> where, PieceSink sink);
  Status feed(std::string_view chunk);
  // End of input: an error unless the document's closing brace was seen.
  Status finish();
  // Nothing but whitespace so far.
  bool empty() const { return state_ == State::BeforeDocument; }
  // Bytes of document text taken so far.
  std::uint64_t offset() const { return offset_; }

 private:
  enum class State : std::uint8_t {
    BeforeDocument,  // whitespace, then '{'
    BeforeKey,       // after '{' or ',': a key (or '}' right after '{')
    Key,             // inside the key's string
    BeforeColon,
    BeforeValue,
    Value,           // inside a member's value (piece text being collected)
    BeforeElement,   // after '[' or ',' in a streamed array
    Element,         // inside an element (piece text being collected)
    AfterMember,     // a value or streamed array ended: ',' or '}'
    AfterDocument,   // only whitespace may follow
  };

  Status step(char c);
  Status emit(DocumentPiece::Kind kind);
  Error error(std::string message, std::uint64_t at) const;
  Error unexpected(char c, std::string_view expected) const;
  // Piece text: a character is added; refuses pieces longer than max_piece_.
  Status grow(char c);

  std::vector<std::string> streamed_;
  std::uint64_t max_piece_;
  std::function<std::string(std::uint64_t)> where_;
  PieceSink sink_;

  State state_ = State::BeforeDocument;
  std::uint64_t offset_ = 0;        // of the character being looked at
  std::uint64_t piece_start_ = 0;   // offset of the piece's (or the gap's) first byte
  std::string piece_;               // the piece (or key) text so far
  std::string key_;                 // the current member's key, decoded
  bool in_string_ = false;
  bool escaped_ = false;
  std::size_t depth_ = 0;           // nesting inside the piece being collected
  std::uint64_t index_ = 0;         // element index in the streamed array
  bool any_member_ = false;         // BeforeKey: a member came before (so '}' is late)
  bool any_element_ = false;        // BeforeElement: an element came before
};

}  // namespace golden::io_detail
