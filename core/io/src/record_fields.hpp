// The keys of golden-trace records (docs/trace-format.md §5) as data, spelled once: which
// field each key fills, the type of its value, the name it has in error messages. The
// decoder (record_decoder.cpp) and the writer (record_format.cpp) both take keys from here.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace golden::io_detail {

// Where the next value goes. One enumerator per key of every record type (docs §5).
enum class RecordField : std::uint8_t {
  None,
  Ignored,
  Unknown,
  Type,
  // event
  Seq,
  Pid,
  Tid,
  EventKind,
  Name,
  Nr,
  Args,
  Ret,
  Err,
  RetRef,
  RetOfds,
  Finished,
  Start,
  Dur,
  Lc,
  Source,
  // event.args[]
  ArgName,
  ArgKind,
  Raw,
  Text,
  Str,
  Data,
  List,
  Ofd,
  // args[].data
  Len,
  Hash,
  Head,
  // event.source
  SrcFile,
  SrcLine,
  SrcFunction,
  SrcCaller,
  SrcModule,
  SrcOffset,
  SrcFrames,
  // event.source.frames[]
  FrFile,
  FrLine,
  FrFunction,
  FrModule,
  FrOffset,
  FrInlined,
  // edge
  From,
  To,
  EdgeKind,
  // run
  RunIndex,
  Command,
  Attached,
  Cwd,
  Env,
  Uid,
  Gid,
  StartWall,
  Traceparent,
  FdIds,
  // process
  ProcPid,
  Parent,
  CreatedBy,
  Execs,
  ExitCode,
  ExitSignal,
  CoreDumped,
  ProcStart,
  ProcEnd,
  PeakRss,
  UserNs,
  SysNs,
  Threads,
  // process.execs[]
  ExecSeq,
  ExecPath,
  ExecArgv,
  ExecCwd,
  // end
  EndRun,
  WallNs,
  ExitStatus,
  Counters,
};

// The JSON type of a field's value, and how the decoder reads it.
enum class ValueKind : std::uint8_t {
  Skipped,   // None, Ignored, Unknown: not stored
  TypeName,  // the record's "type"
  Bytes,     // tracee bytes: a JSON string or {"esc":"..."} (docs §3)
  Escaped,   // a string of strace escapes (data.head)
  KindName,  // an enumerator's name ("syscall", "spawn", "fd")
  Int,       // int32
  Int64,     // int64 (also nanoseconds)
  UInt32,
  UInt64,
  Hex64,  // a 64-bit value as 16 hex digits (data.hash)
  Bool,
  Array,       // of objects or of integers
  StringList,  // of Bytes
  Object,
};

// The object a key belongs to, below the record itself (error messages name the path).
enum class KeyObject : std::uint8_t { Record, Data, Source, Frame, Exec };

struct FieldSpec {
  RecordField field;
  std::string_view key;  // "" for None and Unknown
  ValueKind value;
  KeyObject in = KeyObject::Record;  // records and arguments: Record
};

// The spec of a field; the key golden writes for it.
const FieldSpec& field_spec(RecordField f);
std::string_view key_of(RecordField f);

// Keys that must be present, as bits of KeyField::required; the decoder collects them as
// keys are found and checks them when the object closes.
inline constexpr std::uint32_t kRequiredSeq = 1u << 0, kRequiredFrom = 1u << 1,
                               kRequiredTo = 1u << 2, kRequiredEdgeKind = 1u << 3,
                               kRequiredPid = 1u << 4, kRequiredRun = 1u << 5,
                               kRequiredArgKind = 1u << 6, kRequiredText = 1u << 7;

struct KeyField {
  std::string_view key;
  RecordField field;
  std::uint32_t required = 0;  // kRequired* bit; kRequiredText: present, not required
};

// The values of a record's "type" key.
namespace record_types {
inline constexpr std::string_view kEvent = "event", kEdge = "edge", kProcess = "process",
                                  kRun = "run", kEnd = "end", kEof = "eof";
}  // namespace record_types

// The document header's keys (docs §2), read by header_parse.cpp.
namespace header_keys {
inline constexpr std::string_view kFormat = "format", kVersion = "version", kTool = "tool",
                                  kFilter = "filter", kStringLimit = "string_limit",
                                  kHasPids = "has_pids", kHasTiming = "has_timing",
                                  kHasClocks = "has_clocks", kRecords = "records";
}  // namespace header_keys

// The keys of each kind of object, in the order golden writes them.
std::span<const KeyField> event_keys();
std::span<const KeyField> arg_keys();
std::span<const KeyField> data_keys();
std::span<const KeyField> source_keys();
std::span<const KeyField> frame_keys();
std::span<const KeyField> edge_keys();
std::span<const KeyField> run_keys();
std::span<const KeyField> process_keys();
std::span<const KeyField> exec_keys();
std::span<const KeyField> end_keys();

// Keys are a few bytes long: compared inline, where a call to memcmp (string_view's ==)
// cost more than the comparison itself.
inline bool same_key(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// The entry for `key`, or nullptr. The search starts at `hint` and leaves it just after
// the key found: keys come in the writer's order, so most lookups match at the first try.
// Inline: it runs for every key of every record.
inline const KeyField* find_key(std::span<const KeyField> keys, std::uint8_t& hint,
                                std::string_view key) {
  const std::size_t n = keys.size();
  std::size_t i = hint < n ? hint : 0;
  for (std::size_t tried = 0; tried < n; ++tried) {
    const KeyField& candidate = keys[i];
    i = i + 1 == n ? 0 : i + 1;
    if (same_key(candidate.key, key)) {
      hint = static_cast<std::uint8_t>(i);
      return &candidate;
    }
  }
  return nullptr;
}

// The name a field has in error messages ("seq", "data.len", "execs.argv"...).
std::string_view field_name(RecordField f);

// Fields holding bytes from the tracee: a JSON string or {"esc":"..."} (docs §3).
bool is_bytes_field(RecordField f);

}  // namespace golden::io_detail
