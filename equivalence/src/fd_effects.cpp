// What each new open file description is (open, pipe, socket), the umask, and the
// effects of opening: files created or truncated, user files read.
#include <fcntl.h>
#include <fmt/format.h>

#include <string_view>

#include "args.hpp"
#include "effects_internal.hpp"
#include "golden/syscalls/families.hpp"
#include "golden/syscalls/syscall_table.hpp"
#include "name_ops.hpp"

namespace golden::eqv {
namespace {

using K = FdTarget::Kind;
using syscalls::Family;
using syscalls::has_family;

// /dev/stdout and friends reopen the caller's own fd: the stream, not a file.
std::optional<int> std_alias(std::string_view path) {
  if (path == "/dev/stdin" || path == "/proc/self/fd/0" || path == "/dev/fd/0") return 0;
  if (path == "/dev/stdout" || path == "/proc/self/fd/1" || path == "/dev/fd/1") return 1;
  if (path == "/dev/stderr" || path == "/proc/self/fd/2" || path == "/dev/fd/2") return 2;
  return std::nullopt;
}

void on_open(Extractor& walk, const Event& e) {
  auto parsed = open_flags(e);
  if (!parsed) {
    walk.count("equivalence.openat2_undecoded");
    if (e.ret >= 0) track_generic_fd(walk, e);
    return;
  }
  const std::int64_t flags = parsed->flags;
  const std::optional<std::int64_t> mode = parsed->mode;
  const std::string& named = path_of(find_arg(e, "pathname", ArgKind::Path));
  const std::string& path =
      named.empty() && e.ret >= 0 && e.ret_ref.starts_with('/') ? e.ret_ref : named;

  const int acc = static_cast<int>(flags & O_ACCMODE);
  const bool opath = (flags & O_PATH) != 0;
  const bool tmpfile = (flags & O_TMPFILE) == O_TMPFILE;
  const bool creat = (flags & O_CREAT) != 0 && !tmpfile;
  const bool trunc = (flags & O_TRUNC) != 0;
  const bool writes = acc != O_RDONLY || creat || trunc;

  std::string op;
  if (creat || trunc) {
    op = "open";
    if (creat) op += " create";
    if (creat && (flags & O_EXCL)) op += " excl";
    if (trunc) op += " trunc";
    if (creat) {
      // What the file's permissions become: the requested mode under the umask.
      unsigned m = static_cast<unsigned>(mode.value_or(0)) & 07777u & ~walk.umasks.of(e.pid);
      op += fmt::format(" {:04o}", m);
    }
  }

  if (e.failed()) {
    if (path.empty()) return;
    // Opening the controlling terminal without one (ENXIO) is how programs probe
    // for a terminal, not an attempt to write.
    if (path == "/dev/tty" && !walk.noise.keep_noise()) return;
    if (writes && !opath) {
      walk.file_op(path, Category::FileOps,
                (op.empty() ? std::string("open write") : op) + " = " + errno_name(e.err));
    } else if (walk.noise.keep_noise() && walk.emit && !walk.relaxed(Category::UserReads)) {
      // A failed lookup is a probe: only shown when noise is compared.
      std::string text = "read " + walk.templated_path(path) + " = " + errno_name(e.err);
      if (!walk.reads.contains(text) && !walk.noise.ignored(path, walk.templated_path(path))) {
        Item it;
        it.category = Category::UserReads;
        it.key = it.text = text;
        it.seq = e.seq;
        it.process = walk.proc();
        it.path = walk.templated_path(path);
        it.raw_path = path;
        walk.reads.emplace(text, std::move(it));
      }
    }
    return;
  }

  FdRef target = nullptr;
  if (std_alias(path)) {
    // The recorder numbered the path by the fd it names: the stream that fd is now.
    if (const Arg* named_by = find_arg(e, "pathname", ArgKind::Path))
      target = walk.targets.find(named_by->ofd);
  }
  if (!target) {
    if (path == "/dev/null") {
      target = walk.targets.make(K::Null, path, path);
    } else if (flags & O_DIRECTORY) {
      target = walk.targets.make(K::Directory, path, e.ret_ref);
      if (walk.net_effects()) walk.found_directory(path);
    } else if (tmpfile) {
      target = walk.targets.make(K::Other, {}, "O_TMPFILE in " + path);
    } else {
      target = walk.targets.make(K::File, path, e.ret_ref);
    }
  }
  walk.bind_returned(e, 0, target);
  target->append = (flags & O_APPEND) != 0;

  if (opath || path.empty() || std_alias(path)) return;
  if (walk.net_effects() && target->kind != K::Null && target->node == FileModel::kNone &&
      (target->kind == K::File || target->kind == K::Directory) && (creat || trunc || writes)) {
    const unsigned created_mode = static_cast<unsigned>(mode.value_or(0)) & 07777u & ~walk.umasks.of(e.pid);
    target->node = walk.model.open(path, flags, created_mode);
  }
  if (!op.empty()) walk.file_op(path, Category::FileOps, op);
  const bool reads = acc == O_RDONLY || (acc == O_RDWR && !creat);
  // Directories count as read when listed (getdents), not when opened as a dirfd.
  if (reads && target->kind == K::File) walk.user_read(path, false);
}

// The pair's descriptions: one target for both ends of a pipe (the stream), one for each
// socket of a pair.
void on_pipe(Extractor& walk, const Event& e) {
  if (e.failed()) return;
  if (e.ret_ofds.size() != 2) {
    walk.count("equivalence.pipe_fds_undecoded");
    return;
  }
  auto t = walk.targets.make(K::Pipe, {}, "pipe");
  walk.bind_returned(e, 0, t);
  walk.bind_returned(e, 1, t);
}

void on_socketpair(Extractor& walk, const Event& e) {
  if (e.failed()) return;
  if (e.ret_ofds.size() != 2) {
    walk.count("equivalence.pipe_fds_undecoded");
    return;
  }
  walk.bind_returned(e, 0, walk.targets.make(K::Socket, {}, "socketpair"));
  walk.bind_returned(e, 1, walk.targets.make(K::Socket, {}, "socketpair"));
}

// dup*, fcntl(F_DUPFD): the copy has the original's ofd number, already bound.
void on_copy(Extractor&, const Event&) {}

void on_socket(Extractor& walk, const Event& e) {
  if (!e.failed()) walk.bind_returned(e, 0, walk.targets.make(K::Socket, {}, e.ret_ref));
}

void on_clone(Extractor& walk, const Event& e) {
  if (e.failed() || e.ret <= 0) return;
  auto owner = walk.tree.process_of_tid(static_cast<std::int32_t>(e.ret));
  if (owner && *owner == e.pid) return;  // a thread: same process
  walk.umasks.fork(e.pid, Pid{static_cast<std::int32_t>(e.ret)});
}

void on_umask(Extractor& walk, const Event& e) {
  if (auto m = int_of(find_arg(e, "mask", ArgKind::Mode)))
    walk.umasks.set(e.pid, static_cast<unsigned>(*m));
}

}  // namespace

void track_generic_fd(Extractor& walk, const Event& e) {
  if (e.failed() || e.ret < 0) return;
  const SyscallInfo* info = syscall_by_name(e.name);
  if (info == nullptr || !info->returns_fd) return;
  if (e.ret_ofds.empty() || walk.targets.find(e.ret_ofds[0]) != nullptr) return;
  walk.bind_returned(e, 0, walk.targets.from_description(e.ret_ref));
}

Handler fd_handler(std::string_view name) {
  if (has_family(name, Family::Open)) return on_open;
  // dup*, fcntl(F_DUPFD), close, close_range: nothing to do, the recorder's ofd numbers
  // already say what each fd refers to.
  if (has_family(name, Family::Dup) || name == "fcntl") return on_copy;
  if (has_family(name, Family::Pipe)) return on_pipe;
  if (name == "socket") return on_socket;
  if (name == "socketpair") return on_socketpair;
  if (has_family(name, Family::Spawn)) return on_clone;
  if (name == "umask") return on_umask;
  return nullptr;
}

}  // namespace golden::eqv
