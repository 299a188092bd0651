// Shared by the entry and exit decoders: what one syscall's decoding works with, which
// arguments it shows, and the decoders of the argument families too big to live in the
// dispatch files.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/decode/decoder.hpp"
#include "golden/model/arg_text.hpp"
#include "golden/syscalls/command_table.hpp"

namespace golden::detail {

// The arguments a call shows, in order: the syscall table's, less those whose condition
// does not hold (ArgCond), with a command's own arguments in place of the syscall's
// remaining ones (prctl, ptrace, seccomp...). Computed from the registers alone, so
// entry and exit agree on it.
struct ArgPlan {
  std::array<const ArgSpec*, 8> specs{};
  std::array<std::uint8_t, 8> regs{};  // the register each argument's value is in
  std::uint8_t size = 0;
  const CommandSpec* command = nullptr;
};
ArgPlan plan_args(const SyscallInfo& info, const SyscallRegs& regs);

struct DecodeContext {
  const SyscallInfo& info;
  const SyscallRegs& regs;
  TraceeMemory& mem;
  FdNames& fds;
  const DecodeOptions& opts;

  // The value of the register holding the argument's length (0 when it has none).
  std::uint64_t len_of(const ArgSpec& spec) const {
    return spec.len_arg >= 0 ? regs.args[static_cast<std::size_t>(spec.len_arg)] : 0;
  }
};

inline Arg make_arg(std::string_view name, ArgKind kind, std::int64_t raw) {
  Arg a;
  a.name = std::string(name);
  a.kind = kind;
  a.raw = raw;
  return a;
}
// An argument whose text is the model's conventional rendering.
inline Arg conventional_arg(std::string_view name, ArgKind kind, std::int64_t raw) {
  Arg a = make_arg(name, kind, raw);
  a.text = conventional_text(a);
  return a;
}
inline Arg struct_arg(std::string_view name, std::uint64_t addr, std::string text) {
  Arg a = make_arg(name, ArgKind::Struct, static_cast<std::int64_t>(addr));
  a.text = std::move(text);
  return a;
}
inline Arg flags_arg(std::string_view name, std::uint64_t v, std::string text) {
  Arg a = make_arg(name, ArgKind::Flags, static_cast<std::int64_t>(v));
  a.text = std::move(text);
  return a;
}
inline Arg enum_arg(std::string_view name, std::int64_t v, std::string text) {
  Arg a = make_arg(name, ArgKind::Enum, v);
  a.text = std::move(text);
  return a;
}
// An argument that could not be read, or a pointer shown as such: its address.
Arg address_arg(std::string_view name, std::uint64_t addr);

// Sign-extends the low 32 bits: how the kernel reads an `int` argument.
inline std::int64_t as_int32(std::uint64_t v) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(v)); }
inline std::uint64_t low32(std::uint64_t v) { return v & 0xffffffffu; }

// Path arguments: text as given, str absolute and normalized against the directory
// `base_dir()` returns (only asked for relative paths: the cwd may cost a look-up).
Arg path_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr,
             const std::function<std::string()>& base_dir);
// Other NUL-terminated strings, up to `limit` bytes (strace -s).
Arg string_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::size_t limit);
// Fd arguments (DirFd: AT_FDCWD shown by name, its str the working directory).
Arg fd_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t value, bool dirfd);
// "3</etc/passwd>": an fd number with strace -y's annotation.
std::string fd_text(const DecodeContext& ctx, std::int64_t fd);
// A buffer of `len` bytes (kind Buffer), or its address when unreadable. `written`: the
// program writes these bytes out (write's buffer, not read's), see DecodeOptions::text_limit.
Arg in_buffer_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t len,
                  bool written);
// The iovec array `iov[count]`, limited to `limit` bytes in all.
Arg iovec_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t count,
              std::uint64_t limit, bool written);
// struct sockaddr of `len` bytes (kind Sockaddr, str = canonical endpoint).
Arg sockaddr_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t len);
// struct msghdr: its iovec bytes (up to `limit`) as the payload, its text strace-like,
// str = the canonical msg_name endpoint when there is one. `sockfd`: the socket (its
// family decides how the data reads: netlink messages are decoded).
Arg msghdr_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t limit,
               int sockfd);
Arg argv_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr);
// struct pollfd[count], as given at entry.
Arg pollfds_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t count);
// poll's return: "2 ([{fd=3, revents=POLLIN}])"; empty when nothing is ready.
std::string poll_revents_text(const DecodeContext& ctx, std::uint64_t addr, std::uint64_t count);
// struct epoll_event[count] (one for epoll_ctl, the ready ones for epoll_wait).
Arg epoll_events_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t count,
                     bool as_array);
Arg envp_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr);
// fd_set of `nfds` bits: "[3 4]" (strace prints plain numbers), NULL, or the address.
std::string fd_set_text(const DecodeContext& ctx, std::uint64_t addr, std::uint64_t nfds, bool annotate);

// "[N]": the int (or with `is64` the 64-bit value) at `addr`, named from spec.xlat.
std::string int_pointed_text(const DecodeContext& ctx, const ArgSpec& spec, std::uint64_t addr, bool is64);

// Every argument kind at entry; output arguments show their address until the exit
// fills them in. `prev`: the argument shown before this one (nullptr for the first).
Arg decode_entry_arg(const DecodeContext& ctx, const ArgSpec& spec, std::uint64_t value,
                     const std::vector<Arg>& before, const ArgSpec* prev);
// Fills in/corrects an argument at exit. `ok`: the call succeeded.
void decode_exit_arg(const DecodeContext& ctx, const ArgSpec& spec, std::uint64_t value, std::int64_t ret,
                     bool ok, Arg& arg);
// The note strace prints after some return values when it needs the tracee's memory
// (poll, select...): stored in Event::ret_ref for RetStyle::Stored. "" for none.
std::string stored_return(const DecodeContext& ctx, const Event& event);

}  // namespace golden::detail
