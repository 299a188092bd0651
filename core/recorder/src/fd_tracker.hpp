// FdNames for the decoders: answers from the thread's fd table, resolving an fd the
// recorder never saw created (inherited from before the trace) once through
// /proc/<tid>/fd/N and caching it. When a seccomp filter hides syscalls that change
// fds (-e trace=...), the table cannot be trusted and every answer comes from /proc
// (only traced syscalls ask, so that stays cheap).
#pragma once

#include <string>

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
  FdEntry* resolve(Thread& t, int fd, ChannelKind kind_hint = ChannelKind::StreamSocket);
  // Reads /proc/<tid>/cwd into the thread's fs state.
  void refresh_cwd(Thread& t);

  ChannelTracker& channels() { return channels_; }

 private:
  ChannelTracker& channels_;
  bool authoritative_;
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

// "/a/b/../c" -> "/a/c"; `path` relative to `base` when it does not start with '/'.
// Lexical, like strace's path joining (symlinks are not resolved).
std::string join_path(const std::string& base, const std::string& path);

}  // namespace golden::rec
