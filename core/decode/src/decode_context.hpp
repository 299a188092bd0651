// Shared by the entry and exit decoders: what one syscall's decoding works with, and
// the decoders of the argument families too big to live in the dispatch files.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "golden/decode/decoder.hpp"
#include "golden/model/arg_text.hpp"

namespace golden::detail {

struct DecodeContext {
  const SyscallInfo& info;
  const SyscallRegs& regs;
  TraceeMemory& mem;
  FdNames& fds;
  const DecodeOptions& opts;

  std::uint64_t reg(std::size_t i) const { return regs.args[i]; }
  // The value of the argument holding spec i's length (0 when it has none).
  std::uint64_t len_of(std::size_t i) const {
    const int len = info.args[i].len_arg;
    return len >= 0 ? regs.args[static_cast<std::size_t>(len)] : 0;
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

// Sign-extends the low 32 bits: how the kernel reads an `int` argument.
inline std::int64_t as_int32(std::uint64_t v) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(v)); }

// Path arguments: text as given, str absolute and normalized against the directory
// `base_dir()` returns (only asked for relative paths: the cwd may cost a look-up).
Arg path_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr,
             const std::function<std::string()>& base_dir);
// Fd arguments (DirFd: AT_FDCWD shown by name, its str the working directory).
Arg fd_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t value, bool dirfd);
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
// str = the canonical msg_name endpoint when there is one.
Arg msghdr_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t limit);
Arg argv_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr);
// struct pollfd[count]; with `with_revents` (at exit), the non-zero revents are shown too.
Arg pollfds_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t count,
                bool with_revents);
// struct epoll_event[count] (one for epoll_ctl, the ready ones for epoll_wait).
Arg epoll_events_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr, std::uint64_t count,
                     bool as_array);
Arg envp_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr);

// Every argument kind at entry; output arguments show their address until the exit fills them in.
Arg decode_entry_arg(const DecodeContext& ctx, std::size_t i, const std::vector<Arg>& before);
// Fills in/corrects argument i at exit. `ok`: the call succeeded.
void decode_exit_arg(const DecodeContext& ctx, std::size_t i, std::int64_t ret, bool ok, Arg& arg);

}  // namespace golden::detail
