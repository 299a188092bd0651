// Decodes golden-trace records (docs/trace-format.md §5) from nlohmann::json SAX events
// straight into the model: no JSON DOM per record line, which cost more than all the rest
// of reading (a map node and a string per key, then a walk over it and its destruction).
//
// Same rules as before the SAX rewrite: unknown keys are skipped and counted (however deep
// their values nest), wrong types and unknown kinds are errors naming the field, and a
// line's JSON syntax is checked in full before any decoding error is reported for it, so
// a cut-off last line is recognised as such even if it also holds a bad value.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "golden/model/trace.hpp"
#include "json_values.hpp"
#include "record_fields.hpp"

namespace golden::io_detail {

enum class RecordType : std::uint8_t { None, Event, Edge, Process, Run, End, Eof, Unknown };

// One decoded record, ready for TraceAssembler::add (which checks its place in the trace).
struct DecodedRecord {
  RecordType type = RecordType::None;  // None: the record has no usable "type"
  std::string type_name;               // as written, for messages about unknown types too
  std::uint64_t unknown_fields = 0;
  // Event, Edge, ProcessInfo; RunInfo for a run record, and for an end record the fields
  // it sets (wall time, exit status, counters).
  std::variant<std::monostate, Event, Edge, ProcessInfo, RunInfo> body;
  std::uint32_t end_index = 0;  // the run an end record names
};

// Decodes record texts one after another; holds no state between records except buffers
// it reuses. Does not know the trace: one decoder per thread can work on any lines.
class RecordDecoder {
 public:
  enum class Outcome : std::uint8_t {
    Decoded,      // a complete record: commit() it
    SyntaxError,  // not JSON: error(), error_byte()
    Invalid,      // JSON, but not a valid record: error()
  };

  // One record's text, without the "," that follows it on its line.
  Outcome parse(std::string_view text);
  // A record already parsed into a DOM (records of a reformatted document).
  Outcome replay(const Json& record);
  const std::string& error() const { return error_; }
  // 1-based byte of a syntax error within the text; 0 when the parser gives none.
  std::size_t error_byte() const { return error_byte_; }
  // After Decoded: the record. After Invalid: type and type_name say whether the error
  // came after a valid "type" (the assembler's checks of where the record may appear come
  // first then, as they would have before its fields were read).
  DecodedRecord take();

  // For many records in one sax_parse (record_batch.cpp): start_record() before a record's
  // first event; after its last, record_done() says whether it decoded cleanly (no error,
  // "type" first) and take() gives it. Anything else is left to parse() for that record.
  void start_record() { reset(); }
  bool record_done() const { return decoded_ && !failed_ && !needs_dom_ && !syntax_error_; }

  // The nlohmann::json SAX interface, called by Json::sax_parse and replay.
  bool null();
  bool boolean(bool v);
  bool number_integer(std::int64_t v);
  bool number_unsigned(std::uint64_t v);
  bool number_float(double v, const std::string& text);
  bool string(std::string& v);
  bool binary(Json::binary_t& v);
  bool start_object(std::size_t size);
  bool key(std::string& k);
  bool end_object();
  bool start_array(std::size_t size);
  bool end_array();
  bool parse_error(std::size_t position, const std::string& token, const Json::exception& ex);

 private:
  using Type = RecordType;
  // The object or array being filled. Records nest at most five deep (record > execs >
  // exec > argv > {"esc"}); anything deeper is inside an unknown value and only counted.
  enum class Frame : std::uint8_t {
    Record,
    Args,
    Arg,
    Data,
    Source,
    SrcFrames,
    SrcFrame,
    Strings,
    Esc,
    Ints,
    Execs,
    Exec,
    Counters,
  };
  struct Level {
    Frame frame;
    RecordField field;  // arrays, Esc: the field they fill
    std::uint8_t hint;  // objects: table index where the next key is looked up first
  };

  void reset();
  Outcome outcome(bool parsed);
  // Runs one SAX callback's work; a RecordError becomes the record's error and the rest
  // of the text is only syntax-checked.
  template <class Work>
  bool guarded(Work&& work);
  void push(Frame frame, RecordField field = RecordField::None);
  void value(const SaxValue& v);
  // record_field_values.cpp: a scalar value into the field its key named.
  void set_field(RecordField f, const SaxValue& v);
  bool set_event_scalar(RecordField f, const SaxValue& v);  // also source and frames
  bool set_arg_scalar(RecordField f, const SaxValue& v);    // also data
  bool set_edge_scalar(RecordField f, const SaxValue& v);
  bool set_run_scalar(RecordField f, const SaxValue& v);  // run and end records
  bool set_process_scalar(RecordField f, const SaxValue& v);
  void set_type(const SaxValue& v);
  void set_bytes(std::string& target, RecordField f, const SaxValue& v);
  void open_object();
  void open_array();
  void close_object();
  void close_array();
  void finish_record();
  void lookup_key(std::string_view k);
  std::string& bytes_slot(RecordField f);
  std::vector<std::string>& strings(RecordField f);
  Arg& arg() { return args_.back(); }
  SourceFrame& frame() { return event_.source->frames.back(); }

  Type type_ = Type::None;
  std::string type_name_;
  std::array<Level, 8> stack_{};
  std::size_t depth_ = 0;
  RecordField field_ = RecordField::None;  // in an object: where the next value goes
  std::uint32_t skip_ = 0;                 // nesting depth inside a value being skipped
  bool failed_ = false;                    // error_ holds a decoding error
  bool syntax_error_ = false;
  bool needs_dom_ = false;  // "type" was not the first key
  bool replaying_ = false;
  bool decoded_ = false;
  bool esc_key_ = false;    // in {"esc":...}: the key was read
  bool esc_done_ = false;   // in {"esc":...}: the value was read
  std::uint32_t seen_ = 0;  // kRequired* keys seen in the record and its current argument
  std::uint64_t unknown_ = 0;
  std::string error_;
  std::size_t error_byte_ = 0;
  std::string counter_key_;

  Event event_;
  std::vector<Arg> args_;  // the event's arguments; reused, so its capacity is kept
  Edge edge_;
  ProcessInfo process_;
  RunInfo run_;  // run record; for an end record, the fields it sets
  std::uint32_t end_index_ = 0;
};

}  // namespace golden::io_detail
