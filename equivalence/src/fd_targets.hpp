// What each open file description of a run is to comparison (stdout, a file, a pipe...)
// and the state comparison keeps per description (offsets, bytes read). Which
// description an fd refers to is the recorder's fact (Arg::ofd, Event::ret_ofds): this
// is a lookup by that number, not a replay of dup/close/fork. The run's stdin, stdout
// and stderr are ofd 1, 2 and 3, so a write is attributed to "stdout" even after `2>&1`,
// `exec >file` or a pipeline's dup2.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

#include "golden/model/ids.hpp"
#include "golden/model/payload_hash.hpp"

namespace golden::eqv {

struct FdTarget {
  enum class Kind : std::uint8_t {
    Stdin,
    Stdout,
    Stderr,
    File,
    Directory,
    Pipe,
    Socket,
    Null,
    Other
  };
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
  friend class FdTargets;
  std::string desc_;
  bool desc_is_path_ = false;  // a file's description is its path: not stored twice
};
// What an fd refers to; dup'd and inherited fds share one. Owned by the FdTables (an
// arena that lives as long as the walk): no reference counting on every lookup, fork
// and close, and no allocation per target.
using FdRef = FdTarget*;

class FdTargets {
 public:
  FdTargets();  // binds ofd 1, 2, 3 to the run's stdin, stdout, stderr
  // The target of ofd `id`; nullptr when the walk has not met it (or `id` is 0).
  FdRef find(std::uint32_t id) const {
    auto it = by_ofd_.find(id);
    return it == by_ofd_.end() ? nullptr : it->second;
  }
  void bind(std::uint32_t id, FdRef target) {
    if (id != 0) by_ofd_[id] = target;
  }
  FdRef make(FdTarget::Kind kind, std::string path = {}, std::string desc = {});
  // Best guess from the kernel's description alone (a description the walk never saw
  // made: inherited, received over a socket).
  FdRef from_description(const std::string& desc);

 private:
  std::deque<FdTarget> targets_;  // every target made; a deque, so they stay put
  std::unordered_map<std::uint32_t, FdRef> by_ofd_;
};

// Each process's umask, inherited at fork; 022 until the trace shows otherwise.
class Umasks {
 public:
  unsigned of(Pid pid) const {
    auto it = masks_.find(pid.value);
    return it == masks_.end() ? 022u : it->second;
  }
  void set(Pid pid, unsigned mask) { masks_[pid.value] = mask & 0777u; }
  void fork(Pid parent, Pid child) { masks_[child.value] = of(parent); }

 private:
  std::unordered_map<std::int32_t, unsigned> masks_;
};

}  // namespace golden::eqv
