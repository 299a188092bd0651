#include "event_summary.hpp"

#include <fmt/format.h>

#include <cstring>

#include "golden/model/arg_text.hpp"

namespace golden {
namespace {

std::string cut(std::string s, std::size_t width) {
  if (width >= 3 && s.size() > width) {
    s.resize(width - 3);
    s += "...";
  }
  return s;
}

std::string errno_text(int err) {
  // What a tracer sees for calls the kernel restarts or interrupts; libc has no names.
  switch (err) {
    case 512:
      return "ERESTARTSYS";
    case 513:
      return "ERESTARTNOINTR";
    case 514:
      return "ERESTARTNOHAND";
    case 516:
      return "ERESTART_RESTARTBLOCK";
    default:
      break;
  }
  // glibc >= 2.32; the graph layer doesn't depend on the decoder's tables.
  const char* name = strerrorname_np(err);
  return name ? name : fmt::format("E{}", err);
}

std::string signal_text(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return abbrev ? fmt::format("SIG{}", abbrev) : fmt::format("signal {}", sig);
}

std::string call_text(const Event& e, std::size_t arg_width) {
  std::string out = e.name + "(";
  for (std::size_t i = 0; i < e.args.size(); ++i) {
    const Arg& a = e.args[i];
    if (i) out += ", ";
    out += cut(a.text.empty() ? conventional_text(a) : a.text, arg_width);
  }
  out += ")";
  if (!e.finished) return out + " = ?";
  if (e.failed()) return out + fmt::format(" = -1 {}", errno_text(e.err));
  out += fmt::format(" = {}", e.ret);
  if (!e.ret_ref.empty()) out += "<" + cut(e.ret_ref, arg_width) + ">";
  return out;
}

}  // namespace

std::string short_event(const Event& e, std::size_t arg_width, std::size_t max_width) {
  std::string line;
  switch (e.kind) {
    case EventKind::Syscall:
      line = call_text(e, arg_width);
      break;
    case EventKind::Signal:
      line = fmt::format("--- {} ---", e.name);
      break;
    case EventKind::Exit:
      line = e.nr > 0 ? fmt::format("+++ killed by {} +++", signal_text(e.nr))
                      : fmt::format("+++ exited {} +++", e.ret);
      break;
    case EventKind::Span:
      line = fmt::format("span {}", e.name);
      break;
  }
  return cut(std::move(line), max_width);
}

}  // namespace golden
