#include "event_summary.hpp"

#include <fmt/format.h>

#include "golden/model/arg_text.hpp"
#include "golden/syscalls/abi_names.hpp"

namespace golden {
namespace {

std::string cut(std::string s, std::size_t width) {
  if (width >= 3 && s.size() > width) {
    s.resize(width - 3);
    s += "...";
  }
  return s;
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
  if (e.failed()) return out + fmt::format(" = -1 {}", errno_name(e.err));
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
      line = e.nr > 0 ? fmt::format("+++ killed by {} +++", signal_name(e.nr))
                      : fmt::format("+++ exited {} +++", e.ret);
      break;
    case EventKind::Span:
      line = fmt::format("span {}", e.name);
      break;
  }
  return cut(std::move(line), max_width);
}

}  // namespace golden
