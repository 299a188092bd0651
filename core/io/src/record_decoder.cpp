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
        event_.ret_ofds.push_back(to_u32(v, "ret_ofds"));
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

void RecordDecoder::set_bytes(std::string& target, RecordField f, const SaxValue& v) {
  if (v.type != T::String) wrong_type(v, field_name(f), kBytesExpected);
  target.assign(*v.s);  // a copy, not a move: the parser reuses its buffer for the next string
}

void RecordDecoder::set_type(const SaxValue& v) {
  const std::string& name = to_string(v, "type");
  type_name_ = name;
  type_ = name == "event"     ? Type::Event
          : name == "edge"    ? Type::Edge
          : name == "process" ? Type::Process
          : name == "run"     ? Type::Run
          : name == "end"     ? Type::End
          : name == "eof"     ? Type::Eof
                              : Type::Unknown;
  switch (type_) {
    case Type::Event:
      event_ = Event{};
      break;
    case Type::Edge:
      edge_ = Edge{};
      break;
    case Type::Process:
      process_ = ProcessInfo{};
      break;
    case Type::Run:
    case Type::End:
      run_ = RunInfo{};
      end_index_ = 0;
      break;
    default:
      break;
  }
}

void RecordDecoder::set_field(RecordField f, const SaxValue& v) {
  if (is_bytes_field(f)) {
    set_bytes(bytes_slot(f), f, v);
    return;
  }
  switch (f) {
    case F::None:
    case F::Ignored:
    case F::Unknown:
      break;  // a skipped scalar
    case F::Type:
      set_type(v);
      break;
    // event
    case F::Seq:
      event_.seq = to_u64(v, "seq");
      break;
    case F::Pid:
      event_.pid = Pid{to_int(v, "pid")};
      break;
    case F::Tid:
      event_.tid = Tid{to_int(v, "tid")};
      break;
    case F::EventKind: {
      const std::string& s = to_string(v, "kind");
      auto kind = event_kind_from_string(s);
      if (!kind) fail("unknown event kind '" + s + "'");
      event_.kind = *kind;
      break;
    }
    case F::Nr:
      event_.nr = to_int(v, "nr");
      break;
    case F::Ret:
      event_.ret = to_i64(v, "ret");
      break;
    case F::Err:
      event_.err = to_int(v, "err");
      break;
    case F::Finished:
      event_.finished = to_bool(v, "finished");
      break;
    case F::Start:
      event_.start = Nanos{to_i64(v, "start")};
      break;
    case F::Dur:
      event_.duration = Nanos{to_i64(v, "dur")};
      break;
    case F::Lc:
      event_.lamport = to_u64(v, "lc");
      break;
    // argument
    case F::ArgKind: {
      const std::string& s = to_string(v, "kind");
      auto kind = arg_kind_from_string(s);
      if (!kind) fail("unknown argument kind '" + s + "'");
      arg().kind = *kind;
      break;
    }
    case F::Raw:
      arg().raw = to_i64(v, "raw");
      break;
    case F::Ofd:
      arg().ofd = to_u32(v, "ofd");
      break;
    case F::Len:
      arg().data->length = to_u64(v, "data.len");
      break;
    case F::Hash:
      arg().data->hash = to_hex64(v, "data.hash");
      break;
    case F::Head: {
      auto head = unescape_bytes(to_string(v, "data.head"));
      if (!head) fail("field 'data.head': malformed escape sequence");
      arg().data->head = std::move(*head);
      break;
    }
    case F::SrcLine:
      event_.source->line = to_int(v, "source.line");
      break;
    case F::SrcOffset:
      event_.source->offset = to_u64(v, "source.offset");
      break;
    case F::FrLine:
      frame().line = to_int(v, "source.frames.line");
      break;
    case F::FrOffset:
      frame().offset = to_u64(v, "source.frames.offset");
      break;
    case F::FrInlined:
      frame().inlined = to_bool(v, "source.frames.inlined");
      break;
    // edge
    case F::From:
      edge_.from = to_u64(v, "from");
      break;
    case F::To:
      edge_.to = to_u64(v, "to");
      break;
    case F::EdgeKind: {
      const std::string& s = to_string(v, "kind");
      auto kind = edge_kind_from_string(s);
      if (!kind) fail("unknown edge kind '" + s + "'");
      edge_.kind = *kind;
      break;
    }
    // run
    case F::RunIndex:
      run_.index = to_u32(v, "run");
      break;
    case F::Uid:
      run_.uid = to_u32(v, "uid");
      break;
    case F::Gid:
      run_.gid = to_u32(v, "gid");
      break;
    case F::FdIds:
      run_.fd_ids = to_bool(v, "fd_ids");
      break;
    // process
    case F::ProcPid:
      process_.pid = Pid{to_int(v, "pid")};
      break;
    case F::Parent:
      process_.parent = Pid{to_int(v, "parent")};
      break;
    case F::CreatedBy:
      process_.created_by = to_u64(v, "created_by");
      break;
    case F::ExitCode:
      process_.exit_code = to_int(v, "exit_code");
      break;
    case F::ExitSignal:
      process_.exit_signal = to_int(v, "exit_signal");
      break;
    case F::CoreDumped:
      process_.core_dumped = to_bool(v, "core_dumped");
      break;
    case F::ProcStart:
      process_.start = Nanos{to_i64(v, "start")};
      break;
    case F::ProcEnd:
      process_.end = Nanos{to_i64(v, "end")};
      break;
    case F::PeakRss:
      process_.peak_rss_kb = to_u64(v, "peak_rss_kb");
      break;
    case F::UserNs:
      process_.user_time = Nanos{to_i64(v, "user_ns")};
      break;
    case F::SysNs:
      process_.system_time = Nanos{to_i64(v, "sys_ns")};
      break;
    case F::ExecSeq:
      process_.execs.back().seq = to_u64(v, "execs.seq");
      break;
    // end
    case F::EndRun:
      end_index_ = to_u32(v, "run");
      break;
    case F::WallNs:
      run_.wall_time = Nanos{to_i64(v, "wall_ns")};
      break;
    case F::ExitStatus:
      run_.exit_status = to_int(v, "exit_status");
      break;
    // Containers given a scalar (or the wrong container).
    case F::Args:
    case F::Attached:
    case F::Execs:
    case F::Threads:
    case F::RetOfds:
    case F::SrcFrames:
      wrong_type(v, field_name(f), "an array");
    case F::List:
    case F::ExecArgv:
    case F::Command:
    case F::Env:
      wrong_type(v, field_name(f), "an array of strings");
    case F::Source:
    case F::Data:
    case F::Counters:
      wrong_type(v, field_name(f), "an object");
    // Byte strings, handled above.
    case F::Name:
    case F::RetRef:
    case F::ArgName:
    case F::Text:
    case F::Str:
    case F::SrcFile:
    case F::SrcFunction:
    case F::SrcCaller:
    case F::SrcModule:
    case F::FrFile:
    case F::FrFunction:
    case F::FrModule:
    case F::Cwd:
    case F::StartWall:
    case F::Traceparent:
    case F::ExecPath:
    case F::ExecCwd:
      break;
  }
}

std::string& RecordDecoder::bytes_slot(RecordField f) {
  switch (f) {
    case F::Name:
      return event_.name;
    case F::RetRef:
      return event_.ret_ref;
    case F::ArgName:
      return arg().name;
    case F::Text:
      return arg().text;
    case F::Str:
      return arg().str;
    case F::SrcFile:
      return event_.source->file;
    case F::SrcFunction:
      return event_.source->function;
    case F::SrcCaller:
      return event_.source->caller;
    case F::SrcModule:
      return event_.source->module;
    case F::FrFile:
      return frame().file;
    case F::FrFunction:
      return frame().function;
    case F::FrModule:
      return frame().module;
    case F::Cwd:
      return run_.cwd;
    case F::StartWall:
      return run_.start_wall;
    case F::Traceparent:
      return run_.traceparent;
    case F::ExecPath:
      return process_.execs.back().path;
    case F::ExecCwd:
      return process_.execs.back().cwd;
    default:
      check_failed("bytes_slot: not a byte-string field", __FILE__, __LINE__);
  }
}

std::vector<std::string>& RecordDecoder::strings(RecordField f) {
  switch (f) {
    case F::List:
      return arg().list;
    case F::ExecArgv:
      return process_.execs.back().argv;
    case F::Command:
      return run_.command;
    case F::Env:
      return run_.env;
    default:
      check_failed("strings: not a string-list field", __FILE__, __LINE__);
  }
}

}  // namespace golden::io_detail
