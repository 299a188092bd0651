#include "record_format.hpp"

#include "golden/model/arg_text.hpp"
#include "golden/model/escape.hpp"
#include "json_text.hpp"
#include "record_fields.hpp"

namespace golden::io_detail {
namespace {

using F = RecordField;

// `"key":` — an object's first key (record_fields.hpp spells every key).
void first_key(std::string& out, std::string_view k) {
  out += '"';
  out += k;
  out += "\":";
}
void first_key(std::string& out, RecordField f) {
  first_key(out, key_of(f));
}

// `,"key":` — every key after an object's first one.
void key(std::string& out, std::string_view k) {
  out += ',';
  first_key(out, k);
}
void key(std::string& out, RecordField f) {
  key(out, key_of(f));
}

// `{"type":"<type>","<first key>":` — a record's opening.
void open_record(std::string& out, std::string_view type, RecordField first) {
  out += '{';
  first_key(out, F::Type);
  out += '"';
  out += type;
  out += '"';
  key(out, first);
}

void string_list(std::string& out, const std::vector<std::string>& list) {
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    append_bytes_value(out, list[i]);
  }
  out += ']';
}

void format_arg(std::string& out, const Arg& arg) {
  out += '{';
  if (!arg.name.empty()) {
    first_key(out, F::ArgName);
    append_bytes_value(out, arg.name);
    out += ',';
  }
  first_key(out, F::ArgKind);
  out += '"';
  out += to_string(arg.kind);
  out += '"';
  if (arg.raw != 0) {
    key(out, F::Raw);
    append_int(out, arg.raw);
  }
  // Most arguments render conventionally; storing that rendering again would double
  // the file size for nothing. The reader recomputes it (arg_text.hpp).
  if (arg.text != conventional_text(arg)) {
    key(out, F::Text);
    append_bytes_value(out, arg.text);
  }
  if (!arg.str.empty()) {
    key(out, F::Str);
    append_bytes_value(out, arg.str);
  }
  if (arg.ofd != 0) {
    key(out, F::Ofd);
    append_uint(out, arg.ofd);
  }
  if (arg.data) {
    key(out, F::Data);
    out += '{';
    first_key(out, F::Len);
    append_uint(out, arg.data->length);
    key(out, F::Hash);
    append_hex16(out, arg.data->hash);
    if (!arg.data->head.empty()) {
      // Payloads are arbitrary bytes: always strace-escaped, so the line stays ASCII.
      key(out, F::Head);
      append_json_string(out, escape_bytes(arg.data->head));
    }
    out += '}';
  }
  if (!arg.list.empty()) {
    key(out, F::List);
    string_list(out, arg.list);
  }
  out += '}';
}

void format_frame(std::string& out, const SourceFrame& f) {
  // Keys after the first: the leading comma is dropped for whichever comes first.
  const std::size_t open = out.size();
  out += '{';
  if (!f.file.empty()) {
    key(out, F::FrFile);
    append_bytes_value(out, f.file);
  }
  if (f.line != 0) {
    key(out, F::FrLine);
    append_int(out, f.line);
  }
  if (!f.function.empty()) {
    key(out, F::FrFunction);
    append_bytes_value(out, f.function);
  }
  if (!f.module.empty()) {
    key(out, F::FrModule);
    append_bytes_value(out, f.module);
  }
  if (f.offset != 0) {
    key(out, F::FrOffset);
    append_uint(out, f.offset);
  }
  if (f.inlined) {
    key(out, F::FrInlined);
    out += "true";
  }
  if (out.size() > open + 1) out.erase(open + 1, 1);
  out += '}';
}

void format_source(std::string& out, const SourceLocation& src) {
  out += '{';
  first_key(out, F::SrcFile);
  append_bytes_value(out, src.file);
  if (src.line != 0) {
    key(out, F::SrcLine);
    append_int(out, src.line);
  }
  if (!src.function.empty()) {
    key(out, F::SrcFunction);
    append_bytes_value(out, src.function);
  }
  if (!src.caller.empty()) {
    key(out, F::SrcCaller);
    append_bytes_value(out, src.caller);
  }
  if (!src.module.empty()) {
    key(out, F::SrcModule);
    append_bytes_value(out, src.module);
  }
  if (src.offset != 0) {
    key(out, F::SrcOffset);
    append_uint(out, src.offset);
  }
  if (!src.frames.empty()) {
    key(out, F::SrcFrames);
    out += '[';
    for (std::size_t i = 0; i < src.frames.size(); ++i) {
      if (i) out += ',';
      format_frame(out, src.frames[i]);
    }
    out += ']';
  }
  out += '}';
}

void format_exec(std::string& out, const ExecRecord& exec) {
  out += '{';
  first_key(out, F::ExecSeq);
  append_uint(out, exec.seq);
  key(out, F::ExecPath);
  append_bytes_value(out, exec.path);
  if (!exec.argv.empty()) {
    key(out, F::ExecArgv);
    string_list(out, exec.argv);
  }
  if (!exec.cwd.empty()) {
    key(out, F::ExecCwd);
    append_bytes_value(out, exec.cwd);
  }
  out += '}';
}

}  // namespace

void format_header(std::string& out, const TraceHeader& header) {
  namespace hk = header_keys;
  out += '{';
  first_key(out, hk::kFormat);
  out += "\"golden-trace\"";
  key(out, hk::kVersion);
  out += '1';
  key(out, hk::kTool);
  append_bytes_value(out, header.tool);
  key(out, hk::kFilter);
  append_bytes_value(out, header.filter);
  key(out, hk::kStringLimit);
  append_uint(out, header.string_limit);
  // Only traces converted from other formats lack these; golden captures have them all.
  for (auto [name, set] :
       {std::pair{hk::kHasPids, header.has_pids}, std::pair{hk::kHasTiming, header.has_timing},
        std::pair{hk::kHasClocks, header.has_clocks}}) {
    if (set) continue;
    key(out, name);
    out += "false";
  }
  key(out, hk::kRecords);
  out += "[\n";
}

void format_run(std::string& out, const RunInfo& run) {
  open_record(out, record_types::kRun, F::RunIndex);
  append_uint(out, run.index);
  if (!run.command.empty()) {
    key(out, F::Command);
    string_list(out, run.command);
  }
  if (!run.attached.empty()) {
    key(out, F::Attached);
    out += '[';
    for (std::size_t i = 0; i < run.attached.size(); ++i) {
      if (i) out += ',';
      append_int(out, run.attached[i].value);
    }
    out += ']';
  }
  if (!run.cwd.empty()) {
    key(out, F::Cwd);
    append_bytes_value(out, run.cwd);
  }
  if (!run.env.empty()) {
    key(out, F::Env);
    string_list(out, run.env);
  }
  if (run.uid >= 0 && run.gid >= 0) {
    key(out, F::Uid);
    append_int(out, run.uid);
    key(out, F::Gid);
    append_int(out, run.gid);
  }
  if (!run.start_wall.empty()) {
    key(out, F::StartWall);
    append_bytes_value(out, run.start_wall);
  }
  if (!run.traceparent.empty()) {
    key(out, F::Traceparent);
    append_bytes_value(out, run.traceparent);
  }
  if (run.fd_ids) {
    key(out, F::FdIds);
    out += "true";
  }
  out += "},\n";
}

void format_event(std::string& out, const Event& e) {
  open_record(out, record_types::kEvent, F::Seq);
  append_uint(out, e.seq);
  key(out, F::Pid);
  append_int(out, e.pid.value);
  key(out, F::Tid);
  append_int(out, e.tid.value);
  if (e.kind != EventKind::Syscall) {
    key(out, F::EventKind);
    out += '"';
    out += to_string(e.kind);
    out += '"';
  }
  key(out, F::Name);
  append_bytes_value(out, e.name);
  if (e.nr != -1) {
    key(out, F::Nr);
    append_int(out, e.nr);
  }
  if (!e.args.empty()) {
    key(out, F::Args);
    out += '[';
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      if (i) out += ',';
      format_arg(out, e.args[i]);
    }
    out += ']';
  }
  key(out, F::Ret);
  append_int(out, e.ret);
  if (e.err != 0) {
    key(out, F::Err);
    append_int(out, e.err);
  }
  if (!e.ret_ref.empty()) {
    key(out, F::RetRef);
    append_bytes_value(out, e.ret_ref);
  }
  if (!e.ret_ofds.empty()) {
    key(out, F::RetOfds);
    out += '[';
    for (std::size_t i = 0; i < e.ret_ofds.size(); ++i) {
      if (i) out += ',';
      append_uint(out, e.ret_ofds[i]);
    }
    out += ']';
  }
  if (!e.finished) {
    key(out, F::Finished);
    out += "false";
  }
  key(out, F::Start);
  append_int(out, e.start.count());
  key(out, F::Dur);
  append_int(out, e.duration.count());
  key(out, F::Lc);
  append_uint(out, e.lamport);
  if (e.source) {
    key(out, F::Source);
    format_source(out, *e.source);
  }
  out += "},\n";
}

void format_process(std::string& out, const ProcessInfo& p) {
  open_record(out, record_types::kProcess, F::ProcPid);
  append_int(out, p.pid.value);
  key(out, F::Parent);
  append_int(out, p.parent.value);
  if (p.created_by) {
    key(out, F::CreatedBy);
    append_uint(out, *p.created_by);
  }
  if (!p.execs.empty()) {
    key(out, F::Execs);
    out += '[';
    for (std::size_t i = 0; i < p.execs.size(); ++i) {
      if (i) out += ',';
      format_exec(out, p.execs[i]);
    }
    out += ']';
  }
  if (p.exit_code) {
    key(out, F::ExitCode);
    append_int(out, *p.exit_code);
  }
  if (p.exit_signal) {
    key(out, F::ExitSignal);
    append_int(out, *p.exit_signal);
  }
  if (p.core_dumped) {
    key(out, F::CoreDumped);
    out += "true";
  }
  key(out, F::ProcStart);
  append_int(out, p.start.count());
  key(out, F::ProcEnd);
  append_int(out, p.end.count());
  if (p.peak_rss_kb) {
    key(out, F::PeakRss);
    append_uint(out, *p.peak_rss_kb);
  }
  if (p.user_time) {
    key(out, F::UserNs);
    append_int(out, p.user_time->count());
  }
  if (p.system_time) {
    key(out, F::SysNs);
    append_int(out, p.system_time->count());
  }
  if (!p.threads.empty()) {
    key(out, F::Threads);
    out += '[';
    for (std::size_t i = 0; i < p.threads.size(); ++i) {
      if (i) out += ',';
      append_int(out, p.threads[i].value);
    }
    out += ']';
  }
  out += "},\n";
}

void format_edge(std::string& out, const Edge& edge) {
  open_record(out, record_types::kEdge, F::From);
  append_uint(out, edge.from);
  key(out, F::To);
  append_uint(out, edge.to);
  key(out, F::EdgeKind);
  out += '"';
  out += to_string(edge.kind);
  out += "\"},\n";
}

void format_end(std::string& out, const RunInfo& run) {
  open_record(out, record_types::kEnd, F::EndRun);
  append_uint(out, run.index);
  key(out, F::WallNs);
  append_int(out, run.wall_time.count());
  if (run.exit_status) {
    key(out, F::ExitStatus);
    append_int(out, *run.exit_status);
  }
  if (!run.counters.empty()) {
    key(out, F::Counters);
    out += '{';
    bool first = true;
    for (const auto& [name, value] : run.counters) {
      if (!first) out += ',';
      first = false;
      // Object keys cannot take the {"esc":...} form; counter names are golden's own
      // ASCII identifiers, so escaping a stray byte is a safe, lossy fallback.
      append_json_string(out, is_valid_utf8(name) ? name : escape_bytes(name));
      out += ':';
      append_uint(out, value);
    }
    out += '}';
  }
  out += "},\n";
}

void format_eof(std::string& out) {
  out += '{';
  first_key(out, F::Type);
  out += '"';
  out += record_types::kEof;
  out += "\"}]}\n";
}

}  // namespace golden::io_detail
