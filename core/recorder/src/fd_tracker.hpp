// FdNames for the decoders: answers from the thread's fd table, resolving an fd the
// recorder never saw created (inherited from before the trace) once through
// /proc/<tid>/fd/N and caching it. When a seccomp filter hides syscalls that change
// fds (-e trace=...), the table cannot be trusted and every answer comes from /proc
// (only traced syscalls ask, so that stays cheap).
#pragma once

#include <string>
#include <vector>

#include "channel_tracker.hpp"
#include "fd_table.hpp"
#include "process_table.hpp"

namespace golden::rec {

class FdTracker {
 public:
  FdTracker(ChannelTracker& channels, bool authoritative)
      : channels_(channels), authoritative_(authoritative) {}

  bool authoritative() const { return authoritative_; }

  // The entry for `fd` of `t`; nullptr when the fd is not open.
  FdEntry* lookup(Thread& t, int fd);
  std::string describe(Thread& t, int fd);
  std::string cwd(Thread& t);

  // Looks `fd` up in /proc now and caches it (a fd just created: pipe, socket, accept).
  // It gets `ofd` as its number, a new one when 0.
  FdEntry* resolve(Thread& t, int fd, ChannelKind kind_hint = ChannelKind::StreamSocket,
                   std::uint32_t ofd = 0);
  // Reads /proc/<tid>/cwd into the thread's fs state.
  void refresh_cwd(Thread& t);
  // A root process at its first stop: its fds 0, 1 and 2 get the run's stdin/stdout/
  // stderr numbers (1, 2, 3), whatever description they share, because they are
  // different streams to the user.
  void seed_if_pending(Thread& t);
  // A fresh ofd number (4 up: 1-3 are the standard streams).
  std::uint32_t new_ofd() { return next_ofd_++; }
  // The ofd number of `fd` in `t` now (0 when not open or unknown).
  std::uint32_t ofd_of(Thread& t, std::int64_t fd);

  ChannelTracker& channels() { return channels_; }

 private:
  ChannelTracker& channels_;
  bool authoritative_;
  std::uint32_t next_ofd_ = 4;
};

// The FdNames interface of one thread, handed to decode_entry/decode_exit.
class ThreadFdNames final : public FdNames {
 public:
  ThreadFdNames(FdTracker& tracker, Thread& thread) : tracker_(tracker), thread_(thread) {}
  std::string describe(int fd) override { return tracker_.describe(thread_, fd); }
  std::string cwd() override { return tracker_.cwd(thread_); }
  int socket_protocol(int fd, int family) override;

 private:
  FdTracker& tracker_;
  Thread& thread_;
};

// Writes the ofd numbers into decoded entry arguments: each Fd argument's, and a Path
// argument's that names an fd of the caller (/dev/stdout, /dev/fd/N, /proc/self/fd/N),
// so that comparison knows which stream an open of /dev/stdout reopens.
void annotate_fd_identity(FdTracker& tracker, Thread& t, std::vector<Arg>& args);

// "/a/b/../c" -> "/a/c"; `path` relative to `base` when it does not start with '/'.
// Lexical, like strace's path joining (symlinks are not resolved).
std::string join_path(const std::string& base, const std::string& path);

}  // namespace golden::rec
