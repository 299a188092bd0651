// The seccomp-bpf program for a SyscallFilter, built with libseccomp.
//
// Untraced syscalls then never stop the tracee (SECCOMP_RET_ALLOW); traced ones return
// SECCOMP_RET_TRACE, which the tracer sees as a PTRACE_EVENT_SECCOMP stop.
#include <seccomp.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "golden/model/marker.hpp"
#include "golden/syscalls/filter.hpp"

namespace golden {
namespace {

struct CtxRelease {
  void operator()(void* ctx) const { seccomp_release(ctx); }
};
using Ctx = std::unique_ptr<void, CtxRelease>;

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

Error seccomp_error(const char* what, int rc) {
  return Error{std::string("seccomp: ") + what + ": " + std::strerror(rc < 0 ? -rc : rc), ""};
}

}  // namespace

Result<std::vector<std::uint64_t>> SyscallFilter::seccomp_program(
    std::span<const int> also_stop) const {
  // The default action covers numbers the set does not list one by one (beyond kMaxNr,
  // future syscalls): traced for "all"/negated sets, allowed for positive lists. Rules are
  // then added only for the numbers that differ from it, which keeps "!write" small.
  const bool beyond_traced = !negated_default_;
  const std::uint32_t trace = SCMP_ACT_TRACE(0);
  Ctx ctx(seccomp_init(beyond_traced ? trace : SCMP_ACT_ALLOW));
  if (!ctx) return Error{"seccomp: seccomp_init failed", ""};

  // Calls from another architecture (int 0x80 from a 64-bit process) must reach the
  // tracer rather than kill the tracee, as they would by default.
  if (int rc = seccomp_attr_set(ctx.get(), SCMP_FLTATR_ACT_BADARCH, trace); rc < 0) {
    return seccomp_error("setting the bad-architecture action", rc);
  }
  // A binary-tree search keeps the per-syscall cost low for long lists; older
  // libseccomp versions lack it, which only costs speed.
  (void)seccomp_attr_set(ctx.get(), SCMP_FLTATR_CTL_OPTIMIZE, 2);

  auto stops = [&](int nr) {
    return set_.test(static_cast<std::size_t>(nr)) ||
           std::find(also_stop.begin(), also_stop.end(), nr) != also_stop.end();
  };
  for (int nr = 0; nr < kMaxNr; ++nr) {
    const bool traced = stops(nr);
    if (traced == beyond_traced) continue;
    if (int rc = seccomp_rule_add(ctx.get(), traced ? trace : SCMP_ACT_ALLOW, nr, 0); rc < 0) {
      return seccomp_error(("adding a rule for syscall " + std::to_string(nr)).c_str(), rc);
    }
  }

  // The marker syscall is no syscall but the tracee's spans and annotations (SPEC §9):
  // traced whatever -e says, or a filtered capture would lose them.
  if (!beyond_traced) {
    if (int rc = seccomp_rule_add(ctx.get(), trace, static_cast<int>(kMarkerSyscall), 0); rc < 0) {
      return seccomp_error("adding the rule for the marker syscall", rc);
    }
  }

  Fd mem{::memfd_create("golden-seccomp", MFD_CLOEXEC)};
  if (mem.fd < 0) return seccomp_error("memfd_create", errno);
  if (int rc = seccomp_export_bpf(ctx.get(), mem.fd); rc < 0) {
    return seccomp_error("seccomp_export_bpf", rc);
  }
  const off_t size = ::lseek(mem.fd, 0, SEEK_END);
  if (size < 0) return seccomp_error("lseek", errno);
  if (size % 8 != 0) return Error{"seccomp: exported program is not whole instructions", ""};
  std::vector<std::uint64_t> program(static_cast<std::size_t>(size) / 8);
  std::size_t done = 0;
  auto* bytes = reinterpret_cast<char*>(program.data());
  while (done < static_cast<std::size_t>(size)) {
    const ssize_t n = ::pread(mem.fd, bytes + done, static_cast<std::size_t>(size) - done,
                              static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return seccomp_error("reading the exported program", n < 0 ? errno : EIO);
    done += static_cast<std::size_t>(n);
  }
  return program;
}

}  // namespace golden
