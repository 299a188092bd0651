#include "record_decoder.hpp"

#include <iterator>
#include <span>

#include "golden/model/arg_text.hpp"
#include "golden/model/escape.hpp"
#include "golden/model/result.hpp"
#include "json_replay.hpp"

namespace golden::io_detail {
namespace {

using F = RecordField;
using T = SaxValue::Type;

constexpr std::string_view kBytesExpected = "a string or {\"esc\":...}";

[[noreturn]] void not_bytes(F f) {
  wrong_type(SaxValue::of(T::Object), field_name(f), kBytesExpected);
}

}  // namespace

// ---- driving the parser ----------------------------------------------------------------

void RecordDecoder::reset() {
  type_ = Type::None;
  type_name_.clear();
  depth_ = 0;
  field_ = F::None;
  skip_ = 0;
  failed_ = syntax_error_ = needs_dom_ = replaying_ = decoded_ = false;
  seen_ = 0;
  unknown_ = 0;
  error_.clear();
  error_byte_ = 0;
}

RecordDecoder::Outcome RecordDecoder::parse(std::string_view text) {
  reset();
  const bool parsed = Json::sax_parse(text.data(), text.data() + text.size(), this);
  if (needs_dom_ && !syntax_error_) {
    // "type" is not the first key (golden writes it first; another writer may not).
    // Every other key's meaning depends on it, so this record goes through a DOM.
    return replay(Json::parse(text));
  }
  return outcome(parsed);
}

RecordDecoder::Outcome RecordDecoder::replay(const Json& record) {
  reset();
  replaying_ = true;
  const bool parsed = replay_record(record, *this);
  return outcome(parsed);
}

RecordDecoder::Outcome RecordDecoder::outcome(bool parsed) {
  if (syntax_error_) return Outcome::SyntaxError;
  if (failed_) return Outcome::Invalid;
  // A top-level value that is not an object fails; one that is, ends decoded.
  GOLDEN_CHECK(parsed && decoded_);
  return Outcome::Decoded;
}

DecodedRecord RecordDecoder::take() {
  DecodedRecord r;
  r.type = type_;
  r.type_name = type_name_;
  r.unknown_fields = unknown_;
  if (decoded_) {
    switch (type_) {
      case Type::Event:
        r.body = std::move(event_);
        break;
      case Type::Edge:
        r.body = edge_;
        break;
      case Type::Process:
        r.body = std::move(process_);
        break;
      case Type::Run:
      case Type::End:
        r.body = std::move(run_);
        break;
      default:
        break;
    }
    r.end_index = end_index_;
  }
  decoded_ = false;
  return r;
}

template <class Work>
bool RecordDecoder::guarded(Work&& work) {
  if (failed_ || needs_dom_) return true;  // the rest of the text is only syntax-checked
  try {
    work();
  } catch (RecordError& e) {
    failed_ = true;
    error_ = std::move(e.message);
  }
  return true;
}

// ---- SAX callbacks ----------------------------------------------------------------------

bool RecordDecoder::null() {
  return guarded([&] { value(SaxValue::of(T::Null)); });
}
bool RecordDecoder::boolean(bool v) {
  return guarded([&] { value(SaxValue::of_bool(v)); });
}
bool RecordDecoder::number_integer(std::int64_t v) {
  return guarded([&] { value(SaxValue::of_signed(v)); });
}
bool RecordDecoder::number_unsigned(std::uint64_t v) {
  return guarded([&] { value(SaxValue::of_unsigned(v)); });
}
bool RecordDecoder::number_float(double v, const std::string&) {
  return guarded([&] { value(SaxValue::of_float(v)); });
}
bool RecordDecoder::string(std::string& v) {
  return guarded([&] { value(SaxValue::of_string(v)); });
}
bool RecordDecoder::binary(Json::binary_t&) {
  return guarded([&] { fail("unexpected binary value"); });  // JSON text has none
}
bool RecordDecoder::start_object(std::size_t) {
  return guarded([&] { open_object(); });
}
bool RecordDecoder::key(std::string& k) {
  return guarded([&] { lookup_key(k); });
}
bool RecordDecoder::end_object() {
  return guarded([&] { close_object(); });
}
bool RecordDecoder::start_array(std::size_t) {
  return guarded([&] { open_array(); });
}
bool RecordDecoder::end_array() {
  return guarded([&] { close_array(); });
}

bool RecordDecoder::parse_error(std::size_t, const std::string&, const Json::exception& ex) {
  // A syntax error outranks a decoding error found earlier in the same text.
  syntax_error_ = true;
  error_ = parse_error_text(ex);
  // Not every failure is a parse_error: a number like 1e999 is out_of_range, without a byte.
  const auto* pe = dynamic_cast<const Json::parse_error*>(&ex);
  error_byte_ = pe ? pe->byte : 0;
  return false;
}

// ---- structure --------------------------------------------------------------------------

void RecordDecoder::push(Frame frame, RecordField field) {
  GOLDEN_CHECK(depth_ < stack_.size());
  stack_[depth_++] = Level{frame, field, 0};
}

void RecordDecoder::open_object() {
  if (skip_ != 0) {
    ++skip_;
    return;
  }
  if (depth_ == 0) {
    push(Frame::Record);
    return;
  }
  const Level& top = stack_[depth_ - 1];
  switch (top.frame) {
    case Frame::Args:
      args_.emplace_back();
      seen_ &= ~(kRequiredArgKind | kRequiredText);
      push(Frame::Arg);
      return;
    case Frame::Execs:
      process_.execs.emplace_back();
      push(Frame::Exec);
      return;
    case Frame::SrcFrames:
      event_.source->frames.emplace_back();
      push(Frame::SrcFrame);
      return;
    case Frame::Strings:
      strings(top.field).emplace_back();
      esc_key_ = esc_done_ = false;
      push(Frame::Esc, top.field);
      return;
    case Frame::Ints:
    case Frame::Esc:
    case Frame::Counters:
      value(SaxValue::of(T::Object));  // no object belongs here: reports the wrong type
      return;
    default:
      break;  // an object member: field_ says which
  }
  switch (field_) {
    case F::Ignored:
    case F::Unknown:
      skip_ = 1;
      return;
    case F::Data:
      arg().data.emplace();
      push(Frame::Data);
      return;
    case F::Source:
      event_.source.emplace();
      push(Frame::Source);
      return;
    case F::Counters:
      run_.counters.clear();
      push(Frame::Counters);
      return;
    default:
      if (is_bytes_field(field_)) {
        esc_key_ = esc_done_ = false;
        push(Frame::Esc, field_);
        return;
      }
      set_field(field_, SaxValue::of(T::Object));  // reports the wrong type
  }
}

void RecordDecoder::open_array() {
  if (skip_ != 0) {
    ++skip_;
    return;
  }
  if (depth_ == 0) fail("a record must be a JSON object");
  const Frame frame = stack_[depth_ - 1].frame;
  if (frame != Frame::Record && frame != Frame::Arg && frame != Frame::Data &&
      frame != Frame::Source && frame != Frame::SrcFrame && frame != Frame::Exec) {
    value(SaxValue::of(T::Array));  // an array element or {"esc"} value: reports the wrong type
    return;
  }
  switch (field_) {
    case F::Ignored:
    case F::Unknown:
      skip_ = 1;
      return;
    case F::Args:
      args_.clear();
      push(Frame::Args);
      return;
    case F::List:
    case F::ExecArgv:
    case F::Command:
    case F::Env:
      strings(field_).clear();
      push(Frame::Strings, field_);
      return;
    case F::Attached:
      run_.attached.clear();
      push(Frame::Ints, field_);
      return;
    case F::Threads:
      process_.threads.clear();
      push(Frame::Ints, field_);
      return;
    case F::RetOfds:
      event_.ret_ofds.clear();
      push(Frame::Ints, field_);
      return;
    case F::Execs:
      process_.execs.clear();
      push(Frame::Execs);
      return;
    case F::SrcFrames:
      event_.source->frames.clear();
      push(Frame::SrcFrames);
      return;
    default:
      set_field(field_, SaxValue::of(T::Array));  // reports the wrong type
  }
}

void RecordDecoder::close_object() {
  if (skip_ != 0) {
    --skip_;
    return;
  }
  const Level& top = stack_[depth_ - 1];
  switch (top.frame) {
    case Frame::Record:
      finish_record();
      break;
    case Frame::Arg:
      if ((seen_ & kRequiredArgKind) == 0) fail("argument without a 'kind'");
      // The writer leaves `text` out when it is the conventional rendering.
      if ((seen_ & kRequiredText) == 0) arg().text = conventional_text(arg());
      break;
    case Frame::Esc:
      if (!esc_done_) not_bytes(top.field);
      break;
    default:
      break;
  }
  --depth_;
}

void RecordDecoder::close_array() {
  if (skip_ != 0) {
    --skip_;
    return;
  }
  if (stack_[depth_ - 1].frame == Frame::Args) {
    // Moved into an exactly sized vector: the scratch list keeps its capacity for the
    // next event, and the trace holds no slack.
    event_.args.assign(std::make_move_iterator(args_.begin()),
                       std::make_move_iterator(args_.end()));
  }
  --depth_;
}

void RecordDecoder::finish_record() {
  switch (type_) {
    case Type::None:
      fail("record without a \"type\"");
    case Type::Event:
      if ((seen_ & kRequiredSeq) == 0) fail("event without a \"seq\"");
      break;
    case Type::Edge:
      if ((seen_ & (kRequiredFrom | kRequiredTo | kRequiredEdgeKind)) !=
          (kRequiredFrom | kRequiredTo | kRequiredEdgeKind))
        fail("edge record needs \"from\", \"to\" and \"kind\"");
      break;
    case Type::Process:
      if ((seen_ & kRequiredPid) == 0) fail("process record without a \"pid\"");
      break;
    case Type::End:
      if ((seen_ & kRequiredRun) == 0) fail("end record without a \"run\"");
      break;
    case Type::Run:
    case Type::Eof:
    case Type::Unknown:
      break;
  }
  decoded_ = true;
}

void RecordDecoder::lookup_key(std::string_view k) {
  if (skip_ != 0) return;
  Level& top = stack_[depth_ - 1];
  std::span<const KeyField> keys;
  switch (top.frame) {
    case Frame::Record:
      switch (type_) {
        case Type::None:
          if (k == "type") {
            field_ = F::Type;
            return;
          }
          if (replaying_) fail("record without a \"type\"");  // replay puts "type" first
          needs_dom_ = true;
          return;
        case Type::Event:
          keys = event_keys();
          break;
        case Type::Edge:
          keys = edge_keys();
          break;
        case Type::Process:
          keys = process_keys();
          break;
        case Type::Run:
          keys = run_keys();
          break;
        case Type::End:
          keys = end_keys();
          break;
        case Type::Eof:
        case Type::Unknown:
          field_ = F::Ignored;  // fields of records this version does not read
          return;
      }
      break;
    case Frame::Arg:
      keys = arg_keys();
      break;
    case Frame::Data:
      keys = data_keys();
      break;
    case Frame::Source:
      keys = source_keys();
      break;
    case Frame::SrcFrame:
      keys = frame_keys();
      break;
    case Frame::Exec:
      keys = exec_keys();
      break;
    case Frame::Esc:
      if (k != "esc" || esc_key_) not_bytes(top.field);
      esc_key_ = true;
      return;
    case Frame::Counters:
      counter_key_ = k;
      return;
    default:
      return;  // arrays have no keys
  }
  const KeyField* found = find_key(keys, top.hint, k);
  if (found == nullptr) {
    field_ = F::Unknown;  // a newer writer's key: its value is skipped
    ++unknown_;
    return;
  }
  field_ = found->field;
  seen_ |= found->required;
}

// ---- values -----------------------------------------------------------------------------

void RecordDecoder::value(const SaxValue& v) {
  if (skip_ != 0) return;
  if (depth_ == 0) fail("a record must be a JSON object");
  const Level& top = stack_[depth_ - 1];
  switch (top.frame) {
    case Frame::Strings: {
      std::vector<std::string>& list = strings(top.field);
      list.emplace_back();
      set_bytes(list.back(), top.field, v);
      return;
    }
    case Frame::Ints:
      if (top.field == F::Attached)
        run_.attached.push_back(Pid{to_int(v, "attached")});
      else if (top.field == F::RetOfds)
        event_.ret_ofds.push_back(to_u32(v, field_name(F::RetOfds)));
      else
        process_.threads.push_back(Tid{to_int(v, "threads")});
      return;
    case Frame::Args:
      wrong_type(v, "args[]", "an object");
    case Frame::SrcFrames:
      wrong_type(v, "source.frames[]", "an object");
    case Frame::Execs:
      wrong_type(v, "execs[]", "an object");
    case Frame::Esc: {
      if (v.type != T::String) not_bytes(top.field);
      auto bytes = unescape_bytes(*v.s);
      if (!bytes)
        fail("field '" + std::string(field_name(top.field)) +
             "': malformed escape sequence in \"esc\"");
      // Inside a list the element was added when its object opened.
      const bool in_list = depth_ >= 2 && stack_[depth_ - 2].frame == Frame::Strings;
      (in_list ? strings(top.field).back() : bytes_slot(top.field)) = std::move(*bytes);
      esc_done_ = true;
      return;
    }
    case Frame::Counters:
      run_.counters[counter_key_] = to_u64(v, "counters");
      return;
    default:
      set_field(field_, v);
  }
}

}  // namespace golden::io_detail
