// What each fd of each process refers to, tracked along the causal walk: the root
// starts with stdin/stdout/stderr, children copy their parent's table at fork, dup*
// copy entries, open/pipe/socket/close change them. This is how a write is attributed
// to "stdout" even after `2>&1`, `exec >file` or a pipeline's dup2: the kernel's
// description of the fd ("pipe:[123]", "/dev/pts/0") cannot tell stdout from stderr.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "golden/model/ids.hpp"
#include "golden/model/payload_hash.hpp"

namespace golden::eqv {

struct FdTarget {
  enum class Kind : std::uint8_t { Stdin, Stdout, Stderr, File, Directory, Pipe, Socket, Null, Other };
  Kind kind = Kind::Other;
  std::string path;  // File/Directory: absolute path
  // `path`'s entry in the extractor's path table (templated form, verdicts), filled on
  // first use: writes come in thousands, a lookup by path each was measurable.
  std::uint32_t path_slot = UINT32_MAX;
  // The file it refers to in the net-effects model (FileModel), once known: after a
  // rename the fd still writes to the same file, whatever its name is now.
  std::uint32_t node = UINT32_MAX;
  // Bytes read through this description from its start, in order (read/readv only):
  // read to the end, they are the file's whole content as the run found it.
  StreamHash read_so_far;
  bool reading_from_start = true;
  // Where the next write lands if nobody moves it (lseek, pwrite's offset), and a seek
  // made since the last write: a write somewhere else than right after the previous
  // one is shown with its offset ("at offset 8192"), so `dd seek=8` and `seek=16` differ.
  std::uint64_t next_write = 0;
  std::optional<std::uint64_t> seek_to;
  bool seek_to_end = false;  // the seek was to the end: where that is depends on what was there
  bool append = false;       // O_APPEND: every write lands at the end, whatever the offset

  // What the kernel says it is ("pipe:[12]", a bound address, the file's path).
  const std::string& desc() const { return desc_is_path_ ? path : desc_; }
  void set_desc(std::string d) {
    desc_ = std::move(d);
    desc_is_path_ = false;
  }

 private:
  friend class FdTables;
  std::string desc_;
  bool desc_is_path_ = false;  // a file's description is its path: not stored twice
};
// What an fd refers to; dup'd and inherited fds share one. Owned by the FdTables (an
// arena that lives as long as the walk): no reference counting on every lookup, fork
// and close, and no allocation per target.
using FdRef = FdTarget*;

class FdTables {
 public:
  // The process starts with the run's stdin/stdout/stderr as fds 0, 1, 2.
  void init_root(Pid pid);
  bool known(Pid pid) const { return tables_.contains(pid.value); }
  // The child's table becomes a copy of the parent's (fork/vfork/clone without CLONE_FILES
  // sharing semantics: the copy is what the child starts with either way).
  void fork(Pid parent, Pid child);
  FdRef get(Pid pid, std::int64_t fd) const;
  void set(Pid pid, std::int64_t fd, FdRef target);
  void close(Pid pid, std::int64_t fd);
  void close_range(Pid pid, std::uint64_t first, std::uint64_t last);
  // umask, inherited like the table; 022 until the trace shows otherwise.
  unsigned umask(Pid pid) const;
  void set_umask(Pid pid, unsigned mask);

  FdRef make(FdTarget::Kind kind, std::string path = {}, std::string desc = {});
  // Best guess from the kernel's description alone (for fds the walk never saw open).
  FdRef from_description(std::int64_t fd, const std::string& desc);

 private:
  // One process's table. fds are small and reused, and every fork copies the table:
  // those below kDense live in a vector indexed by fd (a copy is one allocation, an
  // open/close none), the rare larger ones in a map.
  struct Table {
    std::vector<FdRef> low;
    std::unordered_map<std::int64_t, FdRef> high;
  };
  static constexpr std::int64_t kDense = 1024;
  std::unordered_map<std::int32_t, Table> tables_;
  std::deque<FdTarget> targets_;  // every target made; a deque, so they stay put
  std::unordered_map<std::int32_t, unsigned> umask_;
};

}  // namespace golden::eqv
