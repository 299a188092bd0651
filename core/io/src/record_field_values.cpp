// RecordDecoder: storing one scalar value in the field its key named. Which kind of value
// a field takes (and so which wrong types are errors) comes from the key table
// (record_fields.cpp); the functions here only say where each field's value goes.
#include "golden/model/escape.hpp"
#include "golden/model/result.hpp"
#include "record_decoder.hpp"

namespace golden::io_detail {
namespace {

using F = RecordField;
using T = SaxValue::Type;

template <class Kind>
Kind kind_named(const SaxValue& v, RecordField f, std::optional<Kind> (*parse)(std::string_view),
                std::string_view what) {
  const std::string& s = to_string(v, field_name(f));
  auto kind = parse(s);
  if (!kind) fail("unknown " + std::string(what) + " kind '" + s + "'");
  return *kind;
}

}  // namespace

void RecordDecoder::set_bytes(std::string& target, RecordField f, const SaxValue& v) {
  if (v.type != T::String) wrong_type(v, field_name(f), "a string or {\"esc\":...}");
  target.assign(*v.s);  // a copy, not a move: the parser reuses its buffer for the next string
}

void RecordDecoder::set_type(const SaxValue& v) {
  const std::string& name = to_string(v, field_name(F::Type));
  type_name_ = name;
  namespace rt = record_types;
  type_ = name == rt::kEvent     ? Type::Event
          : name == rt::kEdge    ? Type::Edge
          : name == rt::kProcess ? Type::Process
          : name == rt::kRun     ? Type::Run
          : name == rt::kEnd     ? Type::End
          : name == rt::kEof     ? Type::Eof
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
  switch (field_spec(f).value) {
    case ValueKind::Skipped:
      return;  // a skipped scalar
    case ValueKind::TypeName:
      set_type(v);
      return;
    case ValueKind::Bytes:
      set_bytes(bytes_slot(f), f, v);
      return;
    // Containers given a scalar (or the wrong container).
    case ValueKind::Array:
      wrong_type(v, field_name(f), "an array");
    case ValueKind::StringList:
      wrong_type(v, field_name(f), "an array of strings");
    case ValueKind::Object:
      wrong_type(v, field_name(f), "an object");
    default:
      break;
  }
  const bool stored = set_event_scalar(f, v) || set_arg_scalar(f, v) || set_edge_scalar(f, v) ||
                      set_run_scalar(f, v) || set_process_scalar(f, v);
  GOLDEN_CHECK(stored);
}

bool RecordDecoder::set_event_scalar(RecordField f, const SaxValue& v) {
  const std::string_view name = field_name(f);
  switch (f) {
    case F::Seq:
      event_.seq = to_u64(v, name);
      return true;
    case F::Pid:
      event_.pid = Pid{to_int(v, name)};
      return true;
    case F::Tid:
      event_.tid = Tid{to_int(v, name)};
      return true;
    case F::EventKind:
      event_.kind = kind_named(v, f, event_kind_from_string, "event");
      return true;
    case F::Nr:
      event_.nr = to_int(v, name);
      return true;
    case F::Ret:
      event_.ret = to_i64(v, name);
      return true;
    case F::Err:
      event_.err = to_int(v, name);
      return true;
    case F::Finished:
      event_.finished = to_bool(v, name);
      return true;
    case F::Start:
      event_.start = Nanos{to_i64(v, name)};
      return true;
    case F::Dur:
      event_.duration = Nanos{to_i64(v, name)};
      return true;
    case F::Lc:
      event_.lamport = to_u64(v, name);
      return true;
    case F::SrcLine:
      event_.source->line = to_int(v, name);
      return true;
    case F::SrcOffset:
      event_.source->offset = to_u64(v, name);
      return true;
    case F::FrLine:
      frame().line = to_int(v, name);
      return true;
    case F::FrOffset:
      frame().offset = to_u64(v, name);
      return true;
    case F::FrInlined:
      frame().inlined = to_bool(v, name);
      return true;
    default:
      return false;
  }
}

bool RecordDecoder::set_arg_scalar(RecordField f, const SaxValue& v) {
  const std::string_view name = field_name(f);
  switch (f) {
    case F::ArgKind:
      arg().kind = kind_named(v, f, arg_kind_from_string, "argument");
      return true;
    case F::Raw:
      arg().raw = to_i64(v, name);
      return true;
    case F::Ofd:
      arg().ofd = to_u32(v, name);
      return true;
    case F::Len:
      arg().data->length = to_u64(v, name);
      return true;
    case F::Hash:
      arg().data->hash = to_hex64(v, name);
      return true;
    case F::Head: {
      auto head = unescape_bytes(to_string(v, name));
      if (!head) fail("field '" + std::string(name) + "': malformed escape sequence");
      arg().data->head = std::move(*head);
      return true;
    }
    default:
      return false;
  }
}

bool RecordDecoder::set_edge_scalar(RecordField f, const SaxValue& v) {
  const std::string_view name = field_name(f);
  switch (f) {
    case F::From:
      edge_.from = to_u64(v, name);
      return true;
    case F::To:
      edge_.to = to_u64(v, name);
      return true;
    case F::EdgeKind:
      edge_.kind = kind_named(v, f, edge_kind_from_string, "edge");
      return true;
    default:
      return false;
  }
}

// Run and end records both fill run_.
bool RecordDecoder::set_run_scalar(RecordField f, const SaxValue& v) {
  const std::string_view name = field_name(f);
  switch (f) {
    case F::RunIndex:
      run_.index = to_u32(v, name);
      return true;
    case F::Uid:
      run_.uid = to_u32(v, name);
      return true;
    case F::Gid:
      run_.gid = to_u32(v, name);
      return true;
    case F::FdIds:
      run_.fd_ids = to_bool(v, name);
      return true;
    case F::EndRun:
      end_index_ = to_u32(v, name);
      return true;
    case F::WallNs:
      run_.wall_time = Nanos{to_i64(v, name)};
      return true;
    case F::ExitStatus:
      run_.exit_status = to_int(v, name);
      return true;
    default:
      return false;
  }
}

bool RecordDecoder::set_process_scalar(RecordField f, const SaxValue& v) {
  const std::string_view name = field_name(f);
  switch (f) {
    case F::ProcPid:
      process_.pid = Pid{to_int(v, name)};
      return true;
    case F::Parent:
      process_.parent = Pid{to_int(v, name)};
      return true;
    case F::CreatedBy:
      process_.created_by = to_u64(v, name);
      return true;
    case F::ExitCode:
      process_.exit_code = to_int(v, name);
      return true;
    case F::ExitSignal:
      process_.exit_signal = to_int(v, name);
      return true;
    case F::CoreDumped:
      process_.core_dumped = to_bool(v, name);
      return true;
    case F::ProcStart:
      process_.start = Nanos{to_i64(v, name)};
      return true;
    case F::ProcEnd:
      process_.end = Nanos{to_i64(v, name)};
      return true;
    case F::PeakRss:
      process_.peak_rss_kb = to_u64(v, name);
      return true;
    case F::UserNs:
      process_.user_time = Nanos{to_i64(v, name)};
      return true;
    case F::SysNs:
      process_.system_time = Nanos{to_i64(v, name)};
      return true;
    case F::ExecSeq:
      process_.execs.back().seq = to_u64(v, name);
      return true;
    default:
      return false;
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
