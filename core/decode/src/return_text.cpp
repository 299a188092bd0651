// The strace-style rendering of a syscall's outcome, after " = ", as the syscall table
// (or the command's row, for prctl and friends) says it reads.
#include <cstdio>

#include "flags_render.hpp"
#include "golden/decode/decoder.hpp"
#include "golden/model/arg_text.hpp"
#include "golden/syscalls/abi_names.hpp"
#include "golden/syscalls/command_table.hpp"
#include "time_structs.hpp"
#include "xlat_registry.hpp"
#include "xlat_strace.hpp"
#include "xlat_tables.hpp"

namespace golden {
namespace {

// ERESTARTSYS..ENOGRACE: codes the kernel uses internally; the call is restarted or
// the signal handler runs, and the program never sees them (strace prints "?").
struct Style {
  RetStyle style = RetStyle::Value;
  XlatId xlat = XlatId::None;
};

// The style of the call's return: the command's row when it has one.
Style style_of(const SyscallInfo& info, const Event& event) {
  Style s{info.ret_style, info.ret_xlat};
  for (std::size_t i = 0; i < info.nargs && i < event.args.size(); ++i) {
    if (info.args[i].type != ArgType::Command) continue;
    const auto value = static_cast<std::uint64_t>(event.args[i].raw) &
                       (info.args[i].width == 4 ? 0xffffffffu : ~0ull);
    if (const CommandSpec* c = command_spec(info.args[i].xlat, value))
      s = {c->ret_style, c->ret_xlat};
    break;
  }
  return s;
}

}  // namespace

std::string return_text(const SyscallInfo* info, const Event& event) {
  if (!event.finished) return "?";
  if (event.err != 0) {
    std::string out = errno_restarts_call(event.err) ? "? " : "-1 ";
    if (!errno_has_name(event.err)) return out + "(errno " + std::to_string(event.err) + ")";
    return out + errno_name(event.err) + " (" + errno_description(event.err) + ")";
  }
  const auto value = static_cast<std::uint64_t>(event.ret);
  const std::string decimal = std::to_string(event.ret);
  if (info == nullptr) return decimal;
  const Style s = style_of(*info, event);
  switch (s.style) {
    case RetStyle::Hex:
      return detail::hex_text(value);
    case RetStyle::Octal: {
      // The previous mask, in octal as strace prints it (RVAL_OCTAL, "%#03o": "022", "000").
      char buf[32];
      std::snprintf(buf, sizeof buf, "%#03llo", static_cast<unsigned long long>(value));
      return buf;
    }
    case RetStyle::XEnumNote: {
      if (s.xlat == XlatId::IoprioValue)
        return decimal + " (" + detail::xlat_enum(s.xlat, value) + ")";
      const auto name = detail::lookup(value, detail::xlat_ref(s.xlat).table);
      return name.empty() ? decimal : decimal + " (" + std::string(name) + ")";
    }
    case RetStyle::XFlagsNote:
      if (value == 0) return decimal;
      if (s.xlat == XlatId::Personality)
        return detail::hex_text(value) + " (" + detail::personality_text(value) + ")";
      return detail::hex_text(value) + " (" + detail::xlat_flags(s.xlat, value) + ")";
    case RetStyle::SignalNote:
      return event.ret > 0 ? decimal + " (" + detail::signal_text(event.ret) + ")" : decimal;
    case RetStyle::TimeNote:
      return decimal + " (" + detail::time_comment(event.ret, 0, 0) + ")";
    case RetStyle::Stored:
      if (!event.ret_ref.empty()) return event.ret_ref;
      return decimal;
    case RetStyle::Value:
      break;
  }
  if (!event.ret_ref.empty()) return decimal + fd_annotation(event.ret_ref);
  if (info->nargs > 1 && info->args[1].type == ArgType::FcntlCmd && event.args.size() > 1) {
    switch (event.args[1].raw) {
      case 1:  // F_GETFD
        return detail::hex_text(value) + " (flags " +
               detail::flags_text(value, detail::xlat::fd_flags) + ")";
      case 3:  // F_GETFL
        return detail::hex_text(value) + " (flags " + detail::open_flags_text(value) + ")";
      default:
        break;
    }
  }
  return decimal;
}

}  // namespace golden
