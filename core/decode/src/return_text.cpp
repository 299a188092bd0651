// The strace-style rendering of a syscall's outcome, after " = ".
#include <sys/syscall.h>

#include <cstdio>

#include "flags_render.hpp"
#include "golden/decode/decoder.hpp"
#include "xlat_tables.hpp"

namespace golden {
namespace {

// ERESTARTSYS..ENOGRACE: codes the kernel uses internally; the call is restarted or
// the signal handler runs, and the program never sees them (strace prints "?").
bool kernel_internal(int err) { return err >= 512 && err <= 531; }

}  // namespace

std::string return_text(const SyscallInfo* info, const Event& event) {
  if (!event.finished) return "?";
  if (event.err != 0) {
    const std::string desc = errno_description(event.err);
    std::string out = kernel_internal(event.err) ? "? " : "-1 ";
    out += errno_name(event.err);
    if (!desc.empty()) out += " (" + desc + ")";
    return out;
  }
  const auto value = static_cast<std::uint64_t>(event.ret);
  if (info && info->returns_addr) return detail::hex_text(value);
  if (!event.ret_ref.empty()) return std::to_string(event.ret) + "<" + event.ret_ref + ">";
  if (info && info->nr == SYS_umask) {
    // The previous mask, in octal as strace prints it (RVAL_OCTAL, "%#03o": "022", "000").
    char buf[32];
    std::snprintf(buf, sizeof buf, "%#03llo", static_cast<unsigned long long>(value));
    return buf;
  }
  if (info && info->nargs > 1 && info->args[1].type == ArgType::FcntlCmd && event.args.size() > 1) {
    switch (event.args[1].raw) {
      case 1:  // F_GETFD
        return detail::hex_text(value) + " (flags " + detail::flags_text(value, detail::xlat::fd_flags) + ")";
      case 3:  // F_GETFL
        return detail::hex_text(value) + " (flags " + detail::open_flags_text(value) + ")";
      default: break;
    }
  }
  return std::to_string(event.ret);
}

}  // namespace golden
