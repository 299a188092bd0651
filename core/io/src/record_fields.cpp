#include "record_fields.hpp"

#include <array>
#include <string>

namespace golden::io_detail {
namespace {

using F = RecordField;
using V = ValueKind;
using In = KeyObject;

// Every field once: its key, the type of its value and the object it is a key of. The
// decoder's key lists, its error messages and the writer's keys all come from here.
constexpr FieldSpec kFields[] = {
    {F::None, "", V::Skipped},
    {F::Ignored, "type", V::Skipped},
    {F::Unknown, "", V::Skipped},
    {F::Type, "type", V::TypeName},
    {F::Seq, "seq", V::UInt64},
    {F::Pid, "pid", V::Int},
    {F::Tid, "tid", V::Int},
    {F::EventKind, "kind", V::KindName},
    {F::Name, "name", V::Bytes},
    {F::Nr, "nr", V::Int},
    {F::Args, "args", V::Array},
    {F::Ret, "ret", V::Int64},
    {F::Err, "err", V::Int},
    {F::RetRef, "ret_ref", V::Bytes},
    {F::RetOfds, "ret_ofds", V::Array},
    {F::Finished, "finished", V::Bool},
    {F::Start, "start", V::Int64},
    {F::Dur, "dur", V::Int64},
    {F::Lc, "lc", V::UInt64},
    {F::Source, "source", V::Object},
    {F::ArgName, "name", V::Bytes},
    {F::ArgKind, "kind", V::KindName},
    {F::Raw, "raw", V::Int64},
    {F::Text, "text", V::Bytes},
    {F::Str, "str", V::Bytes},
    {F::Data, "data", V::Object},
    {F::List, "list", V::StringList},
    {F::Ofd, "ofd", V::UInt32},
    {F::Len, "len", V::UInt64, In::Data},
    {F::Hash, "hash", V::Hex64, In::Data},
    {F::Head, "head", V::Escaped, In::Data},
    {F::SrcFile, "file", V::Bytes, In::Source},
    {F::SrcLine, "line", V::Int, In::Source},
    {F::SrcFunction, "function", V::Bytes, In::Source},
    {F::SrcCaller, "caller", V::Bytes, In::Source},
    {F::SrcModule, "module", V::Bytes, In::Source},
    {F::SrcOffset, "offset", V::UInt64, In::Source},
    {F::SrcFrames, "frames", V::Array, In::Source},
    {F::FrFile, "file", V::Bytes, In::Frame},
    {F::FrLine, "line", V::Int, In::Frame},
    {F::FrFunction, "function", V::Bytes, In::Frame},
    {F::FrModule, "module", V::Bytes, In::Frame},
    {F::FrOffset, "offset", V::UInt64, In::Frame},
    {F::FrInlined, "inlined", V::Bool, In::Frame},
    {F::From, "from", V::UInt64},
    {F::To, "to", V::UInt64},
    {F::EdgeKind, "kind", V::KindName},
    {F::RunIndex, "run", V::UInt32},
    {F::Command, "command", V::StringList},
    {F::Attached, "attached", V::Array},
    {F::Cwd, "cwd", V::Bytes},
    {F::Env, "env", V::StringList},
    {F::Uid, "uid", V::UInt32},
    {F::Gid, "gid", V::UInt32},
    {F::StartWall, "start_wall", V::Bytes},
    {F::Traceparent, "traceparent", V::Bytes},
    {F::FdIds, "fd_ids", V::Bool},
    {F::ProcPid, "pid", V::Int},
    {F::Parent, "parent", V::Int},
    {F::CreatedBy, "created_by", V::UInt64},
    {F::Execs, "execs", V::Array},
    {F::ExitCode, "exit_code", V::Int},
    {F::ExitSignal, "exit_signal", V::Int},
    {F::CoreDumped, "core_dumped", V::Bool},
    {F::ProcStart, "start", V::Int64},
    {F::ProcEnd, "end", V::Int64},
    {F::PeakRss, "peak_rss_kb", V::UInt64},
    {F::UserNs, "user_ns", V::Int64},
    {F::SysNs, "sys_ns", V::Int64},
    {F::Threads, "threads", V::Array},
    {F::ExecSeq, "seq", V::UInt64, In::Exec},
    {F::ExecPath, "path", V::Bytes, In::Exec},
    {F::ExecArgv, "argv", V::StringList, In::Exec},
    {F::ExecCwd, "cwd", V::Bytes, In::Exec},
    {F::EndRun, "run", V::UInt32},
    {F::WallNs, "wall_ns", V::Int64},
    {F::ExitStatus, "exit_status", V::Int},
    {F::Counters, "counters", V::Object},
};
static_assert(std::size(kFields) == static_cast<std::size_t>(F::Counters) + 1);

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < std::size(kFields); ++i)
    if (static_cast<std::size_t>(kFields[i].field) != i) return false;
  return true;
}
static_assert(in_enum_order(), "kFields must list RecordField's enumerators in order");

constexpr KeyField k(F f, std::uint32_t required = 0) {
  return {kFields[static_cast<std::size_t>(f)].key, f, required};
}

// A repeated "type" is skipped without being counted, as the DOM decoder did.
constexpr KeyField kEventKeys[] = {k(F::Seq, kRequiredSeq),
                                   k(F::Pid),
                                   k(F::Tid),
                                   k(F::EventKind),
                                   k(F::Name),
                                   k(F::Nr),
                                   k(F::Args),
                                   k(F::Ret),
                                   k(F::Err),
                                   k(F::RetRef),
                                   k(F::RetOfds),
                                   k(F::Finished),
                                   k(F::Start),
                                   k(F::Dur),
                                   k(F::Lc),
                                   k(F::Source),
                                   k(F::Ignored)};
constexpr KeyField kArgKeys[] = {k(F::ArgName), k(F::ArgKind, kRequiredArgKind),
                                 k(F::Raw),     k(F::Text, kRequiredText),
                                 k(F::Str),     k(F::Data),
                                 k(F::List),    k(F::Ofd)};
constexpr KeyField kDataKeys[] = {k(F::Len), k(F::Hash), k(F::Head)};
constexpr KeyField kSourceKeys[] = {k(F::SrcFile),   k(F::SrcLine),   k(F::SrcFunction),
                                    k(F::SrcCaller), k(F::SrcModule), k(F::SrcOffset),
                                    k(F::SrcFrames)};
constexpr KeyField kFrameKeys[] = {k(F::FrFile),   k(F::FrLine),   k(F::FrFunction),
                                   k(F::FrModule), k(F::FrOffset), k(F::FrInlined)};
constexpr KeyField kEdgeKeys[] = {k(F::From, kRequiredFrom), k(F::To, kRequiredTo),
                                  k(F::EdgeKind, kRequiredEdgeKind), k(F::Ignored)};
constexpr KeyField kRunKeys[] = {k(F::RunIndex),    k(F::Command), k(F::Attached), k(F::Cwd),
                                 k(F::Env),         k(F::Uid),     k(F::Gid),      k(F::StartWall),
                                 k(F::Traceparent), k(F::FdIds), k(F::Ignored)};
constexpr KeyField kProcessKeys[] = {k(F::ProcPid, kRequiredPid),
                                     k(F::Parent),
                                     k(F::CreatedBy),
                                     k(F::Execs),
                                     k(F::ExitCode),
                                     k(F::ExitSignal),
                                     k(F::CoreDumped),
                                     k(F::ProcStart),
                                     k(F::ProcEnd),
                                     k(F::PeakRss),
                                     k(F::UserNs),
                                     k(F::SysNs),
                                     k(F::Threads),
                                     k(F::Ignored)};
constexpr KeyField kExecKeys[] = {k(F::ExecSeq), k(F::ExecPath), k(F::ExecArgv), k(F::ExecCwd)};
constexpr KeyField kEndKeys[] = {k(F::EndRun, kRequiredRun), k(F::WallNs), k(F::ExitStatus),
                                 k(F::Counters), k(F::Ignored)};

}  // namespace

const FieldSpec& field_spec(F f) {
  return kFields[static_cast<std::size_t>(f)];
}

std::string_view key_of(F f) {
  return field_spec(f).key;
}

std::string_view field_name(F f) {
  // Nested keys are named with their path ("data.len", "source.frames.line").
  static const auto names = [] {
    std::array<std::string, std::size(kFields)> out;
    for (const FieldSpec& s : kFields) {
      std::string& name = out[static_cast<std::size_t>(s.field)];
      if (s.value == V::Skipped) continue;
      name = s.in == In::Data     ? "data."
             : s.in == In::Source ? "source."
             : s.in == In::Frame  ? "source.frames."
             : s.in == In::Exec   ? "execs."
                                  : "";
      name += s.key;
    }
    return out;
  }();
  return names[static_cast<std::size_t>(f)];
}

bool is_bytes_field(F f) {
  return field_spec(f).value == V::Bytes;
}

std::span<const KeyField> event_keys() {
  return kEventKeys;
}
std::span<const KeyField> arg_keys() {
  return kArgKeys;
}
std::span<const KeyField> data_keys() {
  return kDataKeys;
}
std::span<const KeyField> source_keys() {
  return kSourceKeys;
}
std::span<const KeyField> frame_keys() {
  return kFrameKeys;
}
std::span<const KeyField> edge_keys() {
  return kEdgeKeys;
}
std::span<const KeyField> run_keys() {
  return kRunKeys;
}
std::span<const KeyField> process_keys() {
  return kProcessKeys;
}
std::span<const KeyField> exec_keys() {
  return kExecKeys;
}
std::span<const KeyField> end_keys() {
  return kEndKeys;
}

}  // namespace golden::io_detail
