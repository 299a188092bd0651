#include "record_fields.hpp"

namespace golden::io_detail {
namespace {

using F = RecordField;

// A repeated "type" is skipped without being counted, as the DOM decoder did.
constexpr KeyField kEventKeys[] = {{"seq", F::Seq, kRequiredSeq},
                                   {"pid", F::Pid},
                                   {"tid", F::Tid},
                                   {"kind", F::EventKind},
                                   {"name", F::Name},
                                   {"nr", F::Nr},
                                   {"args", F::Args},
                                   {"ret", F::Ret},
                                   {"err", F::Err},
                                   {"ret_ref", F::RetRef},
                                   {"ret_ofds", F::RetOfds},
                                   {"finished", F::Finished},
                                   {"start", F::Start},
                                   {"dur", F::Dur},
                                   {"lc", F::Lc},
                                   {"source", F::Source},
                                   {"type", F::Ignored}};
constexpr KeyField kArgKeys[] = {{"name", F::ArgName}, {"kind", F::ArgKind, kRequiredArgKind},
                                 {"raw", F::Raw},      {"text", F::Text, kRequiredText},
                                 {"str", F::Str},      {"data", F::Data},
                                 {"list", F::List},    {"ofd", F::Ofd}};
constexpr KeyField kDataKeys[] = {{"len", F::Len}, {"hash", F::Hash}, {"head", F::Head}};
constexpr KeyField kSourceKeys[] = {{"file", F::SrcFile},
                                    {"line", F::SrcLine},
                                    {"function", F::SrcFunction},
                                    {"caller", F::SrcCaller},
                                    {"module", F::SrcModule},
                                    {"offset", F::SrcOffset},
                                    {"frames", F::SrcFrames}};
constexpr KeyField kFrameKeys[] = {{"file", F::FrFile},         {"line", F::FrLine},
                                   {"function", F::FrFunction}, {"module", F::FrModule},
                                   {"offset", F::FrOffset},     {"inlined", F::FrInlined}};
constexpr KeyField kEdgeKeys[] = {{"from", F::From, kRequiredFrom},
                                  {"to", F::To, kRequiredTo},
                                  {"kind", F::EdgeKind, kRequiredEdgeKind},
                                  {"type", F::Ignored}};
constexpr KeyField kRunKeys[] = {{"run", F::RunIndex},         {"command", F::Command},
                                 {"attached", F::Attached},    {"cwd", F::Cwd},
                                 {"env", F::Env},              {"uid", F::Uid},
                                 {"gid", F::Gid},              {"start_wall", F::StartWall}, {"traceparent", F::Traceparent},
                                 {"fd_ids", F::FdIds},
                                 {"type", F::Ignored}};
constexpr KeyField kProcessKeys[] = {{"pid", F::ProcPid, kRequiredPid},
                                     {"parent", F::Parent},
                                     {"created_by", F::CreatedBy},
                                     {"execs", F::Execs},
                                     {"exit_code", F::ExitCode},
                                     {"exit_signal", F::ExitSignal},
                                     {"core_dumped", F::CoreDumped},
                                     {"start", F::ProcStart},
                                     {"end", F::ProcEnd},
                                     {"peak_rss_kb", F::PeakRss},
                                     {"user_ns", F::UserNs},
                                     {"sys_ns", F::SysNs},
                                     {"threads", F::Threads},
                                     {"type", F::Ignored}};
constexpr KeyField kExecKeys[] = {
    {"seq", F::ExecSeq}, {"path", F::ExecPath}, {"argv", F::ExecArgv}, {"cwd", F::ExecCwd}};
constexpr KeyField kEndKeys[] = {{"run", F::EndRun, kRequiredRun},
                                 {"wall_ns", F::WallNs},
                                 {"exit_status", F::ExitStatus},
                                 {"counters", F::Counters},
                                 {"type", F::Ignored}};

}  // namespace

std::string_view field_name(F f) {
  switch (f) {
    case F::None:
    case F::Ignored:
    case F::Unknown:
      return "";
    case F::Type:
      return "type";
    case F::Seq:
      return "seq";
    case F::Pid:
    case F::ProcPid:
      return "pid";
    case F::Tid:
      return "tid";
    case F::EventKind:
    case F::ArgKind:
    case F::EdgeKind:
      return "kind";
    case F::Name:
    case F::ArgName:
      return "name";
    case F::Nr:
      return "nr";
    case F::Args:
      return "args";
    case F::Ret:
      return "ret";
    case F::Err:
      return "err";
    case F::RetRef:
      return "ret_ref";
    case F::RetOfds:
      return "ret_ofds";
    case F::Finished:
      return "finished";
    case F::Start:
    case F::ProcStart:
      return "start";
    case F::Dur:
      return "dur";
    case F::Lc:
      return "lc";
    case F::Source:
      return "source";
    case F::Raw:
      return "raw";
    case F::Text:
      return "text";
    case F::Str:
      return "str";
    case F::Data:
      return "data";
    case F::List:
      return "list";
    case F::Ofd:
      return "ofd";
    case F::Len:
      return "data.len";
    case F::Hash:
      return "data.hash";
    case F::Head:
      return "data.head";
    case F::SrcFile:
      return "source.file";
    case F::SrcLine:
      return "source.line";
    case F::SrcFunction:
      return "source.function";
    case F::SrcCaller:
      return "source.caller";
    case F::SrcModule:
      return "source.module";
    case F::SrcOffset:
      return "source.offset";
    case F::SrcFrames:
      return "source.frames";
    case F::FrFile:
      return "source.frames.file";
    case F::FrLine:
      return "source.frames.line";
    case F::FrFunction:
      return "source.frames.function";
    case F::FrModule:
      return "source.frames.module";
    case F::FrOffset:
      return "source.frames.offset";
    case F::FrInlined:
      return "source.frames.inlined";
    case F::From:
      return "from";
    case F::To:
      return "to";
    case F::RunIndex:
    case F::EndRun:
      return "run";
    case F::Command:
      return "command";
    case F::Attached:
      return "attached";
    case F::Cwd:
      return "cwd";
    case F::Env:
      return "env";
    case F::Uid:
      return "uid";
    case F::Gid:
      return "gid";
    case F::StartWall:
      return "start_wall";
    case F::Traceparent:
      return "traceparent";
    case F::FdIds:
      return "fd_ids";
    case F::Parent:
      return "parent";
    case F::CreatedBy:
      return "created_by";
    case F::Execs:
      return "execs";
    case F::ExitCode:
      return "exit_code";
    case F::ExitSignal:
      return "exit_signal";
    case F::CoreDumped:
      return "core_dumped";
    case F::ProcEnd:
      return "end";
    case F::PeakRss:
      return "peak_rss_kb";
    case F::UserNs:
      return "user_ns";
    case F::SysNs:
      return "sys_ns";
    case F::Threads:
      return "threads";
    case F::ExecSeq:
      return "execs.seq";
    case F::ExecPath:
      return "execs.path";
    case F::ExecArgv:
      return "execs.argv";
    case F::ExecCwd:
      return "execs.cwd";
    case F::WallNs:
      return "wall_ns";
    case F::ExitStatus:
      return "exit_status";
    case F::Counters:
      return "counters";
  }
  return "";
}

bool is_bytes_field(F f) {
  switch (f) {
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
      return true;
    default:
      return false;
  }
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
