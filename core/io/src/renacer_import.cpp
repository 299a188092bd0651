#include "renacer_import.hpp"

#include <array>
#include <charconv>
#include <optional>
#include <string_view>
#include <utility>

namespace golden::io_detail {
namespace {

// Which arguments of a syscall are paths (bit i = argument i). renacer gives names
// only, and golden::io depends on golden::model alone (docs/architecture.md), so it
// cannot ask the syscall table; the path-taking x86-64 syscalls are listed here.
constexpr std::array<std::pair<std::string_view, unsigned>, 65> kPathArgs{{
    {"open", 1u << 0},
    {"creat", 1u << 0},
    {"openat", 1u << 1},
    {"openat2", 1u << 1},
    {"stat", 1u << 0},
    {"lstat", 1u << 0},
    {"newfstatat", 1u << 1},
    {"statx", 1u << 1},
    {"access", 1u << 0},
    {"faccessat", 1u << 1},
    {"faccessat2", 1u << 1},
    {"execve", 1u << 0},
    {"execveat", 1u << 1},
    {"readlink", 1u << 0},
    {"readlinkat", 1u << 1},
    {"unlink", 1u << 0},
    {"unlinkat", 1u << 1},
    {"mkdir", 1u << 0},
    {"mkdirat", 1u << 1},
    {"rmdir", 1u << 0},
    {"rename", 3u},
    {"renameat", 1u << 1 | 1u << 3},
    {"renameat2", 1u << 1 | 1u << 3},
    {"link", 3u},
    {"linkat", 1u << 1 | 1u << 3},
    {"symlink", 3u},
    {"symlinkat", 1u << 0 | 1u << 2},
    {"chdir", 1u << 0},
    {"chroot", 1u << 0},
    {"chmod", 1u << 0},
    {"fchmodat", 1u << 1},
    {"chown", 1u << 0},
    {"lchown", 1u << 0},
    {"fchownat", 1u << 1},
    {"truncate", 1u << 0},
    {"utime", 1u << 0},
    {"utimes", 1u << 0},
    {"utimensat", 1u << 1},
    {"futimesat", 1u << 1},
    {"mknod", 1u << 0},
    {"mknodat", 1u << 1},
    {"statfs", 1u << 0},
    {"setxattr", 1u << 0},
    {"lsetxattr", 1u << 0},
    {"getxattr", 1u << 0},
    {"lgetxattr", 1u << 0},
    {"listxattr", 1u << 0},
    {"llistxattr", 1u << 0},
    {"removexattr", 1u << 0},
    {"lremovexattr", 1u << 0},
    {"inotify_add_watch", 1u << 1},
    {"fanotify_mark", 1u << 4},
    {"mount", 3u},
    {"umount2", 1u << 0},
    {"swapon", 1u << 0},
    {"swapoff", 1u << 0},
    {"acct", 1u << 0},
    {"pivot_root", 3u},
    {"uselib", 1u << 0},
    {"quotactl", 1u << 1},
    {"open_tree", 1u << 1},
    {"move_mount", 1u << 1 | 1u << 3},
    {"fspick", 1u << 1},
    {"mount_setattr", 1u << 1},
    {"name_to_handle_at", 1u << 1},
}};

unsigned path_mask(std::string_view syscall) {
  for (const auto& [name, mask] : kPathArgs)
    if (name == syscall) return mask;
  return 0;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | cp >> 6);
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | cp >> 18);
    out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes a quoted argument as renacer prints it: strace escapes (\n \t \" \\ \xNN,
// octal \NNN) and Rust's debug escapes (\0 \' \u{XXXX}), optionally followed by "..."
// when the string was cut. nullopt when `s` is not such a string.
std::optional<std::string> unquote(std::string_view s) {
  if (s.size() < 2 || s.front() != '"') return std::nullopt;
  std::string out;
  std::size_t i = 1;
  for (;;) {
    if (i >= s.size()) return std::nullopt;  // no closing quote
    char c = s[i++];
    if (c == '"') break;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i >= s.size()) return std::nullopt;
    char e = s[i++];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'v':
        out += '\v';
        break;
      case 'f':
        out += '\f';
        break;
      case '"':
        out += '"';
        break;
      case '\'':
        out += '\'';
        break;
      case '\\':
        out += '\\';
        break;
      case 'x': {
        if (i + 2 > s.size() || hex_digit(s[i]) < 0 || hex_digit(s[i + 1]) < 0) return std::nullopt;
        out += static_cast<char>(hex_digit(s[i]) * 16 + hex_digit(s[i + 1]));
        i += 2;
        break;
      }
      case 'u': {
        if (i >= s.size() || s[i] != '{') return std::nullopt;
        auto close = s.find('}', i);
        if (close == std::string_view::npos || close == i + 1 || close - i > 7) return std::nullopt;
        std::uint32_t cp = 0;
        for (std::size_t k = i + 1; k < close; ++k) {
          if (hex_digit(s[k]) < 0) return std::nullopt;
          cp = cp * 16 + static_cast<std::uint32_t>(hex_digit(s[k]));
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
        append_utf8(out, cp);
        i = close + 1;
        break;
      }
      default: {
        if (e < '0' || e > '7') return std::nullopt;
        int v = e - '0';
        for (int n = 0; n < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++n)
          v = v * 8 + (s[i++] - '0');
        if (v > 0xFF) return std::nullopt;
        out += static_cast<char>(v);
      }
    }
  }
  std::string_view rest = s.substr(i);
  if (!rest.empty() && rest != "...") return std::nullopt;
  return out;
}

std::optional<std::uint64_t> parse_hex(std::string_view s) {
  if (s.size() < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) return std::nullopt;
  std::uint64_t v = 0;
  auto r = std::from_chars(s.data() + 2, s.data() + s.size(), v, 16);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<std::int64_t> parse_decimal(std::string_view s) {
  std::int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v, 10);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

Arg import_arg(const Json& v, bool path_position, Counters& counters) {
  Arg arg;
  if (!v.is_string()) {
    // renacer's own writer emits strings only; accept plain numbers from other producers.
    if (v.is_number_integer()) {
      arg.raw = get_i64(v, "args[]");
      arg.text = v.dump();
      return arg;
    }
    arg.kind = ArgKind::Struct;
    arg.text = v.dump();
    return arg;
  }
  const std::string& s = v.get_ref<const std::string&>();
  arg.text = s;
  if (!s.empty() && s.front() == '"') {
    if (auto str = unquote(s)) {
      arg.kind = path_position ? ArgKind::Path : ArgKind::String;
      arg.str = std::move(*str);
    } else {
      arg.kind = ArgKind::Struct;
      ++counters["reader.renacer_undecoded_string"];
    }
  } else if (s == "NULL") {
    arg.kind = ArgKind::Ptr;
  } else if (auto hex = parse_hex(s)) {
    // An address where a path belongs is a pointer renacer did not dereference.
    arg.kind = path_position ? ArgKind::Ptr : ArgKind::Hex;
    arg.raw = static_cast<std::int64_t>(*hex);
  } else if (auto dec = parse_decimal(s)) {
    arg.kind = ArgKind::Int;
    arg.raw = *dec;
  } else if (path_position && !s.empty() && s.front() != '<') {
    // Some renacer versions print paths unquoted ("/etc/ld.so.cache").
    arg.kind = ArgKind::Path;
    arg.str = s;
  } else {
    arg.kind = ArgKind::Struct;  // symbolic text such as AT_FDCWD, O_RDONLY, <buf>
  }
  return arg;
}

Event import_syscall(const Json& obj, Seq seq, Counters& counters) {
  get_object(obj, "syscalls[]");
  Event e;
  e.seq = seq;
  e.nr = -1;  // renacer gives names only
  auto name = obj.find("name");
  if (name == obj.end()) fail("syscall without a \"name\"");
  e.name = get_string(*name, "name");
  const unsigned paths = path_mask(e.name);
  bool has_result = false;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    const Json& v = *it;
    if (k == "name") {
      continue;
    } else if (k == "args") {
      const Json& args = get_array(v, "args");
      for (std::size_t i = 0; i < args.size(); ++i)
        e.args.push_back(import_arg(args[i], i < 32 && (paths >> i & 1u), counters));
    } else if (k == "result") {
      // renacer prints a u64 register as i64; a kernel error is -4095..-1.
      e.ret = v.is_number_unsigned() ? static_cast<std::int64_t>(v.get<std::uint64_t>())
                                     : get_i64(v, "result");
      if (e.ret < 0 && e.ret >= -4095) e.err = static_cast<int>(-e.ret);
      has_result = true;
    } else if (k == "duration_us") {
      e.duration = Nanos{static_cast<std::int64_t>(get_u64(v, "duration_us") * 1000)};
    } else if (k == "duration_nanos" || k == "duration_ns") {
      e.duration = Nanos{static_cast<std::int64_t>(get_u64(v, "duration_nanos"))};
    } else if (k == "source") {
      if (v.is_null()) continue;
      get_object(v, "source");
      SourceLocation src;
      for (auto f = v.begin(); f != v.end(); ++f) {
        if (f.key() == "file")
          src.file = get_string(*f, "source.file");
        else if (f.key() == "line")
          src.line = get_int(*f, "source.line");
        else if (f.key() == "function")
          src.function = f->is_null() ? "" : get_string(*f, "source.function");
        else
          ++counters["reader.unknown_field"];
      }
      e.source = std::move(src);
    } else {
      ++counters["reader.unknown_field"];
    }
  }
  if (!has_result) {
    // Without a result the call is not known to have returned.
    e.finished = false;
    ++counters["reader.renacer_missing_result"];
  }
  return e;
}

}  // namespace

RenacerImport::RenacerImport() {
  TraceHeader& h = file_.header;
  h.format = "renacer-json-v1";
  h.version = 1;
  h.tool = "renacer";
  h.has_pids = false;
  h.has_timing = false;  // durations may be present; start times never are
  h.has_clocks = false;
}

void RenacerImport::syscall(const Json& element) {
  trace_.events.push_back(import_syscall(element, trace_.events.size(), file_.counters));
}

Result<TraceFile> RenacerImport::finish(const Json& head, bool saw_syscalls,
                                        const std::string& name) {
  TraceHeader& h = file_.header;
  std::optional<std::uint64_t> declared_total;
  try {
    for (auto it = head.begin(); it != head.end(); ++it) {
      const std::string& k = it.key();
      const Json& v = *it;
      if (k == "format") {
        continue;
      } else if (k == "version") {
        if (v.is_string()) h.tool = "renacer " + v.get<std::string>();
      } else if (k == "syscalls") {
        get_array(v, "syscalls");  // an array would have come to syscall()
      } else if (k == "summary") {
        if (!v.is_object()) continue;
        if (auto code = v.find("exit_code"); code != v.end())
          trace_.run.exit_status = get_int(*code, "summary.exit_code");
        if (auto total = v.find("total_syscalls"); total != v.end())
          declared_total = get_u64(*total, "summary.total_syscalls");
      } else if (k == "trace_id") {
        if (v.is_string()) trace_.run.traceparent = v.get<std::string>();
      } else if (k == "process" || k == "statistics" || k == "ml_analysis" ||
                 k == "isolation_forest_analysis" || k == "autoencoder_analysis") {
        // Derived analyses and a single-process summary: nothing the model can use
        // without inventing (a pid for every event, for instance).
        continue;
      } else {
        ++file_.counters["reader.unknown_field"];
      }
    }
  } catch (const RecordError& e) {
    return Error{e.message, name};
  }
  if (!saw_syscalls) return Error{"renacer-json-v1 trace without a \"syscalls\" array", name};
  if (declared_total && *declared_total != trace_.events.size())
    ++file_.counters["reader.renacer_count_mismatch"];
  file_.runs.push_back(std::move(trace_));
  return std::move(file_);
}

}  // namespace golden::io_detail
