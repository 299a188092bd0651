#include "record_format.hpp"

#include "golden/model/arg_text.hpp"
#include "golden/model/escape.hpp"
#include "json_text.hpp"

namespace golden::io_detail {
namespace {

// `,"key":` — every key after an object's first one.
void key(std::string& out, std::string_view k) {
  out += ",\"";
  out += k;
  out += "\":";
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
    out += "\"name\":";
    append_bytes_value(out, arg.name);
    out += ',';
  }
  out += "\"kind\":\"";
  out += to_string(arg.kind);
  out += '"';
  if (arg.raw != 0) {
    key(out, "raw");
    append_int(out, arg.raw);
  }
  // Most arguments render conventionally; storing that rendering again would double
  // the file size for nothing. The reader recomputes it (arg_text.hpp).
  if (arg.text != conventional_text(arg)) {
    key(out, "text");
    append_bytes_value(out, arg.text);
  }
  if (!arg.str.empty()) {
    key(out, "str");
    append_bytes_value(out, arg.str);
  }
  if (arg.ofd != 0) {
    key(out, "ofd");
    append_uint(out, arg.ofd);
  }
  if (arg.data) {
    key(out, "data");
    out += "{\"len\":";
    append_uint(out, arg.data->length);
    out += ",\"hash\":";
    append_hex16(out, arg.data->hash);
    if (!arg.data->head.empty()) {
      // Payloads are arbitrary bytes: always strace-escaped, so the line stays ASCII.
      out += ",\"head\":";
      append_json_string(out, escape_bytes(arg.data->head));
    }
    out += '}';
  }
  if (!arg.list.empty()) {
    key(out, "list");
    string_list(out, arg.list);
  }
  out += '}';
}

void format_frame(std::string& out, const SourceFrame& f) {
  // Keys after the first: the leading comma is dropped for whichever comes first.
  const std::size_t open = out.size();
  out += '{';
  if (!f.file.empty()) {
    key(out, "file");
    append_bytes_value(out, f.file);
  }
  if (f.line != 0) {
    key(out, "line");
    append_int(out, f.line);
  }
  if (!f.function.empty()) {
    key(out, "function");
    append_bytes_value(out, f.function);
  }
  if (!f.module.empty()) {
    key(out, "module");
    append_bytes_value(out, f.module);
  }
  if (f.offset != 0) {
    key(out, "offset");
    append_uint(out, f.offset);
  }
  if (f.inlined) {
    key(out, "inlined");
    out += "true";
  }
  if (out.size() > open + 1) out.erase(open + 1, 1);
  out += '}';
}

void format_source(std::string& out, const SourceLocation& src) {
  out += "{\"file\":";
  append_bytes_value(out, src.file);
  if (src.line != 0) {
    key(out, "line");
    append_int(out, src.line);
  }
  if (!src.function.empty()) {
    key(out, "function");
    append_bytes_value(out, src.function);
  }
  if (!src.caller.empty()) {
    key(out, "caller");
    append_bytes_value(out, src.caller);
  }
  if (!src.module.empty()) {
    key(out, "module");
    append_bytes_value(out, src.module);
  }
  if (src.offset != 0) {
    key(out, "offset");
    append_uint(out, src.offset);
  }
  if (!src.frames.empty()) {
    key(out, "frames");
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
  out += "{\"seq\":";
  append_uint(out, exec.seq);
  key(out, "path");
  append_bytes_value(out, exec.path);
  if (!exec.argv.empty()) {
    key(out, "argv");
    string_list(out, exec.argv);
  }
  if (!exec.cwd.empty()) {
    key(out, "cwd");
    append_bytes_value(out, exec.cwd);
  }
  out += '}';
}

}  // namespace

void format_header(std::string& out, const TraceHeader& header) {
  out += "{\"format\":\"golden-trace\",\"version\":1";
  key(out, "tool");
  append_bytes_value(out, header.tool);
  key(out, "filter");
  append_bytes_value(out, header.filter);
  key(out, "string_limit");
  append_uint(out, header.string_limit);
  // Only traces converted from other formats lack these; golden captures have them all.
  if (!header.has_pids) out += ",\"has_pids\":false";
  if (!header.has_timing) out += ",\"has_timing\":false";
  if (!header.has_clocks) out += ",\"has_clocks\":false";
  out += ",\"records\":[\n";
}

void format_run(std::string& out, const RunInfo& run) {
  out += "{\"type\":\"run\",\"run\":";
  append_uint(out, run.index);
  if (!run.command.empty()) {
    key(out, "command");
    string_list(out, run.command);
  }
  if (!run.attached.empty()) {
    key(out, "attached");
    out += '[';
    for (std::size_t i = 0; i < run.attached.size(); ++i) {
      if (i) out += ',';
      append_int(out, run.attached[i].value);
    }
    out += ']';
  }
  if (!run.cwd.empty()) {
    key(out, "cwd");
    append_bytes_value(out, run.cwd);
  }
  if (!run.env.empty()) {
    key(out, "env");
    string_list(out, run.env);
  }
  if (run.uid >= 0 && run.gid >= 0) {
    key(out, "uid");
    append_int(out, run.uid);
    key(out, "gid");
    append_int(out, run.gid);
  }
  if (!run.start_wall.empty()) {
    key(out, "start_wall");
    append_bytes_value(out, run.start_wall);
  }
  if (!run.traceparent.empty()) {
    key(out, "traceparent");
    append_bytes_value(out, run.traceparent);
  }
  if (run.fd_ids) out += ",\"fd_ids\":true";
  out += "},\n";
}

void format_event(std::string& out, const Event& e) {
  out += "{\"type\":\"event\",\"seq\":";
  append_uint(out, e.seq);
  key(out, "pid");
  append_int(out, e.pid.value);
  key(out, "tid");
  append_int(out, e.tid.value);
  if (e.kind != EventKind::Syscall) {
    out += ",\"kind\":\"";
    out += to_string(e.kind);
    out += '"';
  }
  key(out, "name");
  append_bytes_value(out, e.name);
  if (e.nr != -1) {
    key(out, "nr");
    append_int(out, e.nr);
  }
  if (!e.args.empty()) {
    key(out, "args");
    out += '[';
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      if (i) out += ',';
      format_arg(out, e.args[i]);
    }
    out += ']';
  }
  key(out, "ret");
  append_int(out, e.ret);
  if (e.err != 0) {
    key(out, "err");
    append_int(out, e.err);
  }
  if (!e.ret_ref.empty()) {
    key(out, "ret_ref");
    append_bytes_value(out, e.ret_ref);
  }
  if (!e.ret_ofds.empty()) {
    key(out, "ret_ofds");
    out += '[';
    for (std::size_t i = 0; i < e.ret_ofds.size(); ++i) {
      if (i) out += ',';
      append_uint(out, e.ret_ofds[i]);
    }
    out += ']';
  }
  if (!e.finished) out += ",\"finished\":false";
  key(out, "start");
  append_int(out, e.start.count());
  key(out, "dur");
  append_int(out, e.duration.count());
  key(out, "lc");
  append_uint(out, e.lamport);
  if (e.source) {
    key(out, "source");
    format_source(out, *e.source);
  }
  out += "},\n";
}

void format_process(std::string& out, const ProcessInfo& p) {
  out += "{\"type\":\"process\",\"pid\":";
  append_int(out, p.pid.value);
  key(out, "parent");
  append_int(out, p.parent.value);
  if (p.created_by) {
    key(out, "created_by");
    append_uint(out, *p.created_by);
  }
  if (!p.execs.empty()) {
    key(out, "execs");
    out += '[';
    for (std::size_t i = 0; i < p.execs.size(); ++i) {
      if (i) out += ',';
      format_exec(out, p.execs[i]);
    }
    out += ']';
  }
  if (p.exit_code) {
    key(out, "exit_code");
    append_int(out, *p.exit_code);
  }
  if (p.exit_signal) {
    key(out, "exit_signal");
    append_int(out, *p.exit_signal);
  }
  if (p.core_dumped) out += ",\"core_dumped\":true";
  key(out, "start");
  append_int(out, p.start.count());
  key(out, "end");
  append_int(out, p.end.count());
  if (p.peak_rss_kb) {
    key(out, "peak_rss_kb");
    append_uint(out, *p.peak_rss_kb);
  }
  if (p.user_time) {
    key(out, "user_ns");
    append_int(out, p.user_time->count());
  }
  if (p.system_time) {
    key(out, "sys_ns");
    append_int(out, p.system_time->count());
  }
  if (!p.threads.empty()) {
    key(out, "threads");
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
  out += "{\"type\":\"edge\",\"from\":";
  append_uint(out, edge.from);
  key(out, "to");
  append_uint(out, edge.to);
  out += ",\"kind\":\"";
  out += to_string(edge.kind);
  out += "\"},\n";
}

void format_end(std::string& out, const RunInfo& run) {
  out += "{\"type\":\"end\",\"run\":";
  append_uint(out, run.index);
  key(out, "wall_ns");
  append_int(out, run.wall_time.count());
  if (run.exit_status) {
    key(out, "exit_status");
    append_int(out, *run.exit_status);
  }
  if (!run.counters.empty()) {
    key(out, "counters");
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
  out += "{\"type\":\"eof\"}]}\n";
}

}  // namespace golden::io_detail
