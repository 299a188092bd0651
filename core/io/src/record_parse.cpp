#include "record_parse.hpp"

#include "golden/model/arg_text.hpp"
#include "golden/model/escape.hpp"

namespace golden::io_detail {
namespace {

constexpr int kVersion = 1;

Arg parse_arg(const Json& obj, std::uint64_t& unknown) {
  get_object(obj, "args[]");
  Arg arg;
  bool has_text = false;
  bool has_kind = false;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    const Json& v = *it;
    if (k == "name") {
      arg.name = get_bytes(v, "name");
    } else if (k == "kind") {
      const std::string& s = get_string(v, "kind");
      auto kind = arg_kind_from_string(s);
      if (!kind) fail("unknown argument kind '" + s + "'");
      arg.kind = *kind;
      has_kind = true;
    } else if (k == "raw") {
      arg.raw = get_i64(v, "raw");
    } else if (k == "text") {
      arg.text = get_bytes(v, "text");
      has_text = true;
    } else if (k == "str") {
      arg.str = get_bytes(v, "str");
    } else if (k == "data") {
      get_object(v, "data");
      Payload p;
      for (auto d = v.begin(); d != v.end(); ++d) {
        if (d.key() == "len") {
          p.length = get_u64(*d, "data.len");
        } else if (d.key() == "hash") {
          p.hash = get_hex64(*d, "data.hash");
        } else if (d.key() == "head") {
          auto head = unescape_bytes(get_string(*d, "data.head"));
          if (!head) fail("field 'data.head': malformed escape sequence");
          p.head = std::move(*head);
        } else {
          ++unknown;
        }
      }
      arg.data = std::move(p);
    } else if (k == "list") {
      arg.list = get_bytes_list(v, "list");
    } else {
      ++unknown;
    }
  }
  if (!has_kind) fail("argument without a 'kind'");
  // The writer leaves `text` out when it is the conventional rendering.
  if (!has_text) arg.text = conventional_text(arg);
  return arg;
}

SourceLocation parse_source(const Json& obj, std::uint64_t& unknown) {
  get_object(obj, "source");
  SourceLocation src;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    if (k == "file")
      src.file = get_bytes(*it, "source.file");
    else if (k == "line")
      src.line = get_int(*it, "source.line");
    else if (k == "function")
      src.function = get_bytes(*it, "source.function");
    else if (k == "caller")
      src.caller = get_bytes(*it, "source.caller");
    else
      ++unknown;
  }
  return src;
}

ExecRecord parse_exec(const Json& obj, std::uint64_t& unknown) {
  get_object(obj, "execs[]");
  ExecRecord exec;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    if (k == "seq")
      exec.seq = get_u64(*it, "execs.seq");
    else if (k == "path")
      exec.path = get_bytes(*it, "execs.path");
    else if (k == "argv")
      exec.argv = get_bytes_list(*it, "execs.argv");
    else if (k == "cwd")
      exec.cwd = get_bytes(*it, "execs.cwd");
    else
      ++unknown;
  }
  return exec;
}

Pid get_pid(const Json& v, std::string_view field) {
  return Pid{get_int(v, field)};
}

}  // namespace

TraceHeader parse_header(const Json& obj, std::uint64_t& unknown) {
  TraceHeader h;
  auto format = obj.find("format");
  if (format == obj.end() || !format->is_string()) fail("not a trace file: no \"format\" field");
  if (*format != "golden-trace")
    fail("unknown trace format '" + format->get<std::string>() +
         "' (golden reads golden-trace and renacer-json-v1)");
  auto version = obj.find("version");
  if (version == obj.end()) fail("golden-trace header without a \"version\"");
  if (!version->is_number_integer() || *version != kVersion)
    fail("unsupported golden-trace version " + version->dump() + " (this golden reads version " +
         std::to_string(kVersion) + ")");
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    const Json& v = *it;
    if (k == "format" || k == "version" || k == "records") continue;
    if (k == "tool")
      h.tool = get_bytes(v, "tool");
    else if (k == "filter")
      h.filter = get_bytes(v, "filter");
    else if (k == "string_limit")
      h.string_limit = get_u32(v, "string_limit");
    else if (k == "has_pids")
      h.has_pids = get_bool(v, "has_pids");
    else if (k == "has_timing")
      h.has_timing = get_bool(v, "has_timing");
    else if (k == "has_clocks")
      h.has_clocks = get_bool(v, "has_clocks");
    else
      ++unknown;
  }
  return h;
}

RunInfo parse_run(const Json& obj, std::uint64_t& unknown) {
  RunInfo run;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    const Json& v = *it;
    if (k == "type") continue;
    if (k == "run") {
      run.index = get_u32(v, "run");
    } else if (k == "command") {
      run.command = get_bytes_list(v, "command");
    } else if (k == "attached") {
      for (const Json& p : get_array(v, "attached")) run.attached.push_back(get_pid(p, "attached"));
    } else if (k == "cwd") {
      run.cwd = get_bytes(v, "cwd");
    } else if (k == "start_wall") {
      run.start_wall = get_bytes(v, "start_wall");
    } else if (k == "traceparent") {
      run.traceparent = get_bytes(v, "traceparent");
    } else {
      ++unknown;
    }
  }
  return run;
}

Event parse_event(const Json& obj, std::uint64_t& unknown) {
  Event e;
  bool has_seq = false;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    const Json& v = *it;
    // Ordered by frequency in real traces; every event has most of these.
    if (k == "type") {
      continue;
    } else if (k == "seq") {
      e.seq = get_u64(v, "seq");
      has_seq = true;
    } else if (k == "pid") {
      e.pid = get_pid(v, "pid");
    } else if (k == "tid") {
      e.tid = Tid{get_int(v, "tid")};
    } else if (k == "name") {
      e.name = get_bytes(v, "name");
    } else if (k == "nr") {
      e.nr = get_int(v, "nr");
    } else if (k == "args") {
      const Json& args = get_array(v, "args");
      e.args.reserve(args.size());
      for (const Json& a : args) e.args.push_back(parse_arg(a, unknown));
    } else if (k == "ret") {
      e.ret = get_i64(v, "ret");
    } else if (k == "err") {
      e.err = get_int(v, "err");
    } else if (k == "start") {
      e.start = Nanos{get_i64(v, "start")};
    } else if (k == "dur") {
      e.duration = Nanos{get_i64(v, "dur")};
    } else if (k == "lc") {
      e.lamport = get_u64(v, "lc");
    } else if (k == "kind") {
      const std::string& s = get_string(v, "kind");
      auto kind = event_kind_from_string(s);
      if (!kind) fail("unknown event kind '" + s + "'");
      e.kind = *kind;
    } else if (k == "ret_ref") {
      e.ret_ref = get_bytes(v, "ret_ref");
    } else if (k == "finished") {
      e.finished = get_bool(v, "finished");
    } else if (k == "source") {
      e.source = parse_source(v, unknown);
    } else {
      ++unknown;
    }
  }
  if (!has_seq) fail("event without a \"seq\"");
  return e;
}

ProcessInfo parse_process(const Json& obj, std::uint64_t& unknown) {
  ProcessInfo p;
  bool has_pid = false;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    const Json& v = *it;
    if (k == "type") {
      continue;
    } else if (k == "pid") {
      p.pid = get_pid(v, "pid");
      has_pid = true;
    } else if (k == "parent") {
      p.parent = get_pid(v, "parent");
    } else if (k == "created_by") {
      p.created_by = get_u64(v, "created_by");
    } else if (k == "execs") {
      for (const Json& x : get_array(v, "execs")) p.execs.push_back(parse_exec(x, unknown));
    } else if (k == "exit_code") {
      p.exit_code = get_int(v, "exit_code");
    } else if (k == "exit_signal") {
      p.exit_signal = get_int(v, "exit_signal");
    } else if (k == "core_dumped") {
      p.core_dumped = get_bool(v, "core_dumped");
    } else if (k == "start") {
      p.start = Nanos{get_i64(v, "start")};
    } else if (k == "end") {
      p.end = Nanos{get_i64(v, "end")};
    } else if (k == "peak_rss_kb") {
      p.peak_rss_kb = get_u64(v, "peak_rss_kb");
    } else if (k == "user_ns") {
      p.user_time = Nanos{get_i64(v, "user_ns")};
    } else if (k == "sys_ns") {
      p.system_time = Nanos{get_i64(v, "sys_ns")};
    } else if (k == "threads") {
      for (const Json& t : get_array(v, "threads")) p.threads.push_back(Tid{get_int(t, "threads")});
    } else {
      ++unknown;
    }
  }
  if (!has_pid) fail("process record without a \"pid\"");
  return p;
}

Edge parse_edge(const Json& obj, std::uint64_t& unknown) {
  Edge edge;
  int seen = 0;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    const Json& v = *it;
    if (k == "type") {
      continue;
    } else if (k == "from") {
      edge.from = get_u64(v, "from");
      ++seen;
    } else if (k == "to") {
      edge.to = get_u64(v, "to");
      ++seen;
    } else if (k == "kind") {
      const std::string& s = get_string(v, "kind");
      auto kind = edge_kind_from_string(s);
      if (!kind) fail("unknown edge kind '" + s + "'");
      edge.kind = *kind;
      ++seen;
    } else {
      ++unknown;
    }
  }
  if (seen != 3) fail("edge record needs \"from\", \"to\" and \"kind\"");
  return edge;
}

std::uint32_t parse_end(const Json& obj, RunInfo& run, std::uint64_t& unknown) {
  std::uint32_t index = 0;
  bool has_run = false;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    const Json& v = *it;
    if (k == "type") {
      continue;
    } else if (k == "run") {
      index = get_u32(v, "run");
      has_run = true;
    } else if (k == "wall_ns") {
      run.wall_time = Nanos{get_i64(v, "wall_ns")};
    } else if (k == "exit_status") {
      run.exit_status = get_int(v, "exit_status");
    } else if (k == "counters") {
      for (auto c = get_object(v, "counters").begin(); c != v.end(); ++c)
        run.counters[c.key()] = get_u64(*c, "counters");
    } else {
      ++unknown;
    }
  }
  if (!has_run) fail("end record without a \"run\"");
  return index;
}

}  // namespace golden::io_detail
