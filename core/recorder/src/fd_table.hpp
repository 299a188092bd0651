// What each fd of a process refers to, and the working directory: the recorder's
// FdNames knowledge (strace -y/-yy), kept up to date from the syscalls it sees so that
// no /proc look-up is needed per syscall. Shared between threads/processes exactly as
// the kernel shares them (CLONE_FILES, CLONE_FS).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "channel_tracker.hpp"

namespace golden::rec {

enum class CloExec : std::uint8_t { No, Yes, Unknown };
enum class FdAccess : std::uint8_t { Unknown, Read, Write, ReadWrite };

struct FdEntry {
  std::string name;            // "/etc/passwd", "pipe:[123]", "socket:[456]", "" = absent
  bool absent = false;         // the fd is not open (negative cache of a failed look-up)
  CloExec cloexec = CloExec::Unknown;
  FdAccess access = FdAccess::Unknown;
  ChannelPtr channel;          // pipes and sockets
  // A socket made by socket() here: its address family and protocol (decoding shows
  // netlink messages on a netlink socket); -1 when unknown.
  std::int16_t domain = -1;
  std::int16_t protocol = -1;
  // The open file description's number in the trace (Arg::ofd): given when the recorder
  // first sees the description (open, pipe, socket, accept, an fd inherited at start),
  // kept by dup*, fork and exec. 0 = none (absent).
  std::uint32_t ofd = 0;
};

class FdTable {
 public:
  FdEntry* find(int fd) {
    auto it = fds_.find(fd);
    return it == fds_.end() ? nullptr : &it->second;
  }
  FdEntry& set(int fd, FdEntry entry) { return fds_[fd] = std::move(entry); }
  void erase(int fd) { fds_.erase(fd); }
  void erase_range(std::uint64_t first, std::uint64_t last);
  void set_cloexec_range(std::uint64_t first, std::uint64_t last);
  // Drops negative entries: fds may have appeared by means the recorder cannot see
  // (SCM_RIGHTS, io_uring).
  void forget_absent();
  // At exec: close-on-exec fds go away; fds whose flag is unknown (inherited from
  // outside the trace) are dropped from the cache and looked up again when used.
  void apply_exec();
  std::shared_ptr<FdTable> copy() const { return std::make_shared<FdTable>(*this); }
  std::size_t size() const { return fds_.size(); }
  // A root's table, filled from /proc at its first stop (FdTracker::seed).
  bool seed_pending = false;

 private:
  std::unordered_map<int, FdEntry> fds_;
};

struct FsState {
  std::string cwd;  // "" = unknown
  std::shared_ptr<FsState> copy() const { return std::make_shared<FsState>(*this); }
};

}  // namespace golden::rec
