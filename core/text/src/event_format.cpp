#include "golden/text/event_format.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string_view>

#include "golden/decode/decoder.hpp"
#include "golden/model/arg_text.hpp"
#include "golden/model/escape.hpp"
#include "golden/model/marker.hpp"
#include "golden/syscalls/abi_names.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {
namespace {

const SyscallInfo* info_of(const Event& event) {
  if (const SyscallInfo* info = syscall_by_nr(event.nr);
      info != nullptr && info->name == event.name)
    return info;
  return syscall_by_name(event.name);
}

std::string arg_text(const Arg& arg, std::size_t limit) {
  // strace -s: shorten data and strings that are shown the conventional way (a decoder's
  // own rendering, e.g. a structure read from a buffer, is left as it is).
  if (limit > 0) {
    std::string_view value;
    if (arg.kind == ArgKind::Buffer && arg.data) value = arg.data->head;
    if (arg.kind == ArgKind::String) value = arg.str;
    if (value.size() > limit && (arg.text.empty() || arg.text == conventional_text(arg)))
      return quote_bytes(value.substr(0, limit), true);
    // execve's argv: each string is shortened, as strace does.
    if (arg.kind == ArgKind::Argv && (arg.text.empty() || arg.text == conventional_text(arg))) {
      std::string out = "[";
      for (std::size_t i = 0; i < arg.list.size(); ++i) {
        if (i) out += ", ";
        const std::string& s = arg.list[i];
        out += s.size() > limit ? quote_bytes(std::string_view(s).substr(0, limit), true)
                                : quote_bytes(s);
      }
      return out + "]";
    }
  }
  if (!arg.text.empty()) return arg.text;
  std::string text = conventional_text(arg);
  // Kinds without a convention always carry their own text; a hand-built or damaged
  // record without it still shows something truthful: the raw register value.
  return text.empty() ? std::to_string(arg.raw) : text;
}

std::string prefix(const Event& event, const FormatOptions& options) {
  std::string out;
  // strace -f shows the thread id, padded to 5 columns.
  if (options.show_pid) out += fmt::format("[pid {:>5}] ", event.tid.value);
  if (options.show_start) {
    const auto ns = event.start.count();
    out += fmt::format("{:>6}.{:06} ", ns / 1000000000, ns % 1000000000 / 1000);
  }
  if (options.show_lamport) out += fmt::format("@{} ", event.lamport);
  return out;
}

std::string join_args(const std::vector<Arg>& args, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i) out += ", ";
    out += arg_text(args[i], limit);
  }
  return out;
}

std::string signal_of(const Event& event) {
  if (!event.name.empty() && event.name != "exit") return event.name;
  return signal_name(event.nr);
}

std::string format_syscall(const Event& event, const FormatOptions& options, std::string line) {
  line += event.name.empty() ? "syscall_" + std::to_string(event.nr) : event.name;
  line += '(';
  line += join_args(event.args, options.string_limit);
  line += ')';
  // strace: at least one space, then "= " at column 40 when the call text is shorter.
  line += ' ';
  if (line.size() < options.align_column) line.append(options.align_column - line.size(), ' ');
  line += "= ";
  line += format_return(event);
  if (options.show_duration && event.finished) {
    line += ' ';
    line += strace_duration(event.duration);
  }
  return line;
}

const Arg* find_arg(const Event& event, std::string_view name) {
  for (const Arg& a : event.args)
    if (a.name == name) return &a;
  return nullptr;
}

std::string_view base_name(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// "f()" for a function name; names that already end in a parenthesis (traces written
// before module/offset existed kept "main (cat.c:740)" as the caller) stay as they are.
std::string call_name(std::string_view function) {
  std::string out(function);
  if (!out.empty() && out.back() != ')') out += "()";
  return out;
}

// "config.cpp:41", "app+0x1a2b", "" — the file's base name keeps lines short; the trace
// holds the whole path.
std::string place(std::string_view file, int line, std::string_view module, std::uint64_t offset) {
  if (!file.empty()) {
    std::string out(base_name(file));
    if (line > 0) out += ":" + std::to_string(line);
    return out;
  }
  if (!module.empty()) return fmt::format("{}+{:#x}", base_name(module), offset);
  return {};
}

std::string with_source(const Event& event, const FormatOptions& options, std::string line) {
  if (!options.show_source || !event.source) return line;
  const std::string at = format_source(*event.source);
  if (!at.empty()) line += " " + at;
  return line;
}

std::string format_signal(const Event& event, std::string line) {
  const std::string sig = signal_of(event);
  // A group-stop (the recorder's "stopped" marker), as strace shows it.
  if (event.args.size() == 1 && event.args[0].name == "stopped")
    return line + "--- stopped by " + sig + " ---";
  line += "--- ";
  line += sig;
  line += ' ';
  // The recorder stores the siginfo as one structure argument already in strace form;
  // other shapes are shown field by field.
  if (event.args.size() == 1 && event.args[0].text.starts_with('{')) {
    line += event.args[0].text;
  } else if (event.args.empty()) {
    line += "{si_signo=" + sig + "}";
  } else {
    line += '{';
    for (std::size_t i = 0; i < event.args.size(); ++i) {
      if (i) line += ", ";
      if (!event.args[i].name.empty()) line += event.args[i].name + "=";
      line += arg_text(event.args[i], 0);
    }
    line += '}';
  }
  line += " ---";
  return line;
}

bool exit_dumped_core(const Event& event, const ProcessInfo* process) {
  for (const Arg& arg : event.args)
    if (arg.name == "core_dumped") return arg.raw != 0;
  return process != nullptr && process->core_dumped;
}

std::string format_exit(const Event& event, const ProcessInfo* process, std::string line) {
  if (const Arg* by = find_arg(event, "superseded_by")) {
    // The thread-group leader when another of its threads called execve.
    return line + "+++ superseded by execve in pid " + std::to_string(by->raw) + " +++";
  }
  if (event.nr > 0) {
    line += "+++ killed by " + signal_of(event);
    if (exit_dumped_core(event, process)) line += " (core dumped)";
    line += " +++";
  } else {
    line += "+++ exited with " + std::to_string(event.ret) + " +++";
  }
  return line;
}

// Spans come from the marker syscall (golden/model/marker.hpp): nr says open, close or
// annotation. Marked like strace's out-of-band lines (signals): they are not syscalls.
std::string format_span(const Event& event, std::string line) {
  // The name is the program's message: escaped like every string golden prints.
  const std::string name = display_escape(event.name);
  switch (event.nr) {
    case static_cast<int>(MarkerOp::SpanOpen):
      line += "--- span open " + name;
      break;
    case static_cast<int>(MarkerOp::SpanClose):
      line += "--- span close " + name;
      break;
    case static_cast<int>(MarkerOp::Annotation):
      line += "--- annotation " + name;
      break;
    default:
      line += "--- span " + name;
      break;
  }
  if (!event.args.empty()) {
    line += " {";
    for (std::size_t i = 0; i < event.args.size(); ++i) {
      if (i) line += ", ";
      if (!event.args[i].name.empty()) line += event.args[i].name + "=";
      line += arg_text(event.args[i], 0);
    }
    line += '}';
  }
  line += " ---";
  return line;
}

}  // namespace

std::string format_source(const SourceLocation& source) {
  std::string where = place(source.file, source.line, source.module, source.offset);
  const std::string function = call_name(source.function);
  if (where.empty() && function.empty()) return {};
  std::string out = "at";
  if (!where.empty()) out += " " + where;
  if (!function.empty()) out += " " + function;
  if (!source.caller.empty()) out += " <- " + call_name(source.caller);
  return out;
}

std::string format_frame(const SourceFrame& frame) {
  std::string out = place(frame.file, frame.line, frame.module, frame.offset);
  if (out.empty()) out = "?";
  if (!frame.function.empty()) out += " " + call_name(frame.function);
  if (frame.inlined) out += " [inlined]";
  return out;
}

std::string strace_duration(Nanos duration) {
  // strace -T truncates to microseconds.
  const std::int64_t ns = std::max<std::int64_t>(duration.count(), 0);
  return fmt::format("<{}.{:06}>", ns / 1000000000, ns % 1000000000 / 1000);
}

std::string format_return(const Event& event) {
  // The decoders own return-value conventions (hex addresses, fcntl flags, errno
  // descriptions), so lines from a file and from a live capture agree.
  return return_text(info_of(event), event);
}

std::string format_event(const Event& event, const FormatOptions& options,
                         const ProcessInfo* process) {
  std::string line = prefix(event, options);
  switch (event.kind) {
    case EventKind::Syscall:
      return with_source(event, options, format_syscall(event, options, std::move(line)));
    case EventKind::Signal:
      return format_signal(event, std::move(line));
    case EventKind::Exit:
      return format_exit(event, process, std::move(line));
    case EventKind::Span:
      return with_source(event, options, format_span(event, std::move(line)));
  }
  return line;
}

}  // namespace golden
