// What a syscall does to the file system's names: creates one, removes one, moves or
// links one onto another. Read from the decoded event once, here, for the two places
// that follow names: discovery (which names the run made and removed again, so they
// are templated) and the net-effects file model (what each path holds after the run).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "golden/model/trace.hpp"

namespace golden::eqv {

struct NameOp {
  enum class Kind : std::uint8_t {
    Open,      // open/openat/openat2/creat: `flags`, `mode`
    Mkdir,     // `mode`
    Mknod,     // `mode`
    Symlink,   // `path` -> `target`
    Link,      // `path` linked as `path2`
    Rename,    // `path` renamed to `path2`
    Exchange,  // renameat2 RENAME_EXCHANGE of `path` and `path2`
    Remove,    // unlink/rmdir (`directory`)
  };
  Kind kind = Kind::Open;
  std::string_view path, path2, target;  // views into the event
  bool ok = true;
  int err = 0;
  std::int64_t flags = 0;                // Open: open flags; Rename: renameat2 flags
  std::optional<std::int64_t> mode;      // as requested (the umask is not applied)
  bool directory = false;                // Remove: rmdir / AT_REMOVEDIR
};

// The name operation of `e`, if it is one (nullopt for every other call, and for an
// openat2 whose `how` could not be decoded).
std::optional<NameOp> name_op(const Event& e);

// Open flags and mode of an open-like call, however it was decoded (creat implies
// O_CREAT|O_WRONLY|O_TRUNC).
struct OpenFlags {
  std::int64_t flags = 0;
  std::optional<std::int64_t> mode;
};
std::optional<OpenFlags> open_flags(const Event& e);

}  // namespace golden::eqv
