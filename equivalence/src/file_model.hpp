// Net effects on files (the default, SPEC §5): which name is bound to which file after
// the run, what each file holds as far as the run wrote it, its kind and its mode. What
// is compared is each path's state after the run, not operations whose presence
// depends on what an earlier run left behind (an unlink of a missing file vs of an old
// copy, O_TRUNC of an existing file vs O_CREAT of a new one, mkdir -p on an existing
// directory, a temp file written and renamed onto the target).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "channel_builder.hpp"
#include "name_ops.hpp"

namespace golden::eqv {

struct FileNode {
  enum class Kind : std::uint8_t { Regular, Directory, Symlink, Special };
  Kind kind = Kind::Regular;
  bool created = false;    // made by this run
  bool replaced = false;   // its content was set from nothing by this run
  bool changed = false;    // written, truncated, chmod'ed or chown'ed by this run
  std::optional<unsigned> mode;  // permission bits, when this run set them
  std::optional<unsigned> seen_mode;  // what a stat showed of a file that was there before
  bool explicit_mode = false;    // set on purpose (chmod, mkdir with a mode other than 0777)
  std::string owner;             // "uid:gid", when this run chown'ed it
  std::string detail;            // Symlink: the target as written; Special: its mknod mode
  std::string origin;            // a file that was there before the run: where it was first met
  std::vector<Entry> content;    // chunks and partial truncations (OpRef into `ops`)
  std::vector<Item> ops;
  Seq last = 0;   // the last event that changed it
  Seq reset = 0;  // the last event that emptied it (O_TRUNC, truncate to 0), if any
};

class FileModel {
 public:
  using NodeId = std::uint32_t;
  static constexpr NodeId kNone = UINT32_MAX;

  // The event being handled: what last changed a path or a file, for reports.
  Seq current = 0;

  struct PathState {
    NodeId bound = kNone;       // the file at this name now (kNone: nothing)
    Seq last = 0;               // the last event that named it
    bool known = false;         // the run knows what is there
    bool existed = false;       // something was there before the run
    bool named = false;         // a name operation of the run happened here
    bool created_here = false;  // the run made a name here, at some point
    std::uint32_t creation = 0; // order of the first such creation
  };

  // Name operations; modes are the requested ones under the umask. `open` returns the
  // file the new fd refers to (kNone for O_TMPFILE, which has no name).
  NodeId open(const std::string& path, std::int64_t flags, std::optional<unsigned> mode);
  void mkdir(const std::string& path, bool ok, int err, unsigned mode, bool explicit_mode);
  void mknod(const std::string& path, std::string description);
  void symlink(const std::string& path, std::string_view target);
  void link(const std::string& from, const std::string& to);
  void rename(const std::string& from, const std::string& to);
  void exchange(const std::string& a, const std::string& b);
  void remove(const std::string& path, bool ok, int err);

  // A name operation as the trace records it, `umask` applied to the modes it asks
  // (discovery and the walk both follow names through this). Returns the file an open
  // refers to (kNone otherwise).
  NodeId apply(const NameOp& op, unsigned umask);

  // The file now at `path`: one that was there before the run when the run has not
  // named it yet.
  NodeId at(const std::string& path);
  void write(NodeId node, const Chunk& chunk);
  void truncate(NodeId node, std::uint64_t length, Item op);
  // An item among the file's content (where the next bytes land: "at offset 8192").
  void mark(NodeId node, Item item);
  void chmod(NodeId node, unsigned mode);
  void chown(NodeId node, std::string owner);
  // A stat that showed `path`'s permission bits: the mode of a file that was there
  // before the run, should the run truncate or append to it.
  void saw_mode(const std::string& path, unsigned mode, bool directory);

  const std::unordered_map<std::string, PathState>& paths() const { return paths_; }
  const FileNode& node(NodeId id) const { return nodes_[id]; }
  // Whether the path's state after the run is an effect: named by the run, or holding
  // a file the run changed.
  bool reported(const PathState& st) const;
  // Names the run made and did not leave behind (temp files, a directory removed at
  // the end, a name renamed onto its target), in order of creation; a name below
  // another such name is left out (the outer one covers it).
  std::vector<std::string> transient_names() const;

 private:
  NodeId make(FileNode::Kind kind, bool created);
  void bind(const std::string& path, NodeId id, bool creation);
  void reset_content(NodeId id);
  void move_below(const std::string& from, const std::string& to);

  std::vector<FileNode> nodes_;
  std::unordered_map<std::string, PathState> paths_;
  struct Seen {
    unsigned mode = 0;
    bool directory = false;
  };
  std::unordered_map<std::string, Seen> seen_modes_;
  std::uint32_t creations_ = 0;
};

}  // namespace golden::eqv
