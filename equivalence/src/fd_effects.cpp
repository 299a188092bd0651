// fd bookkeeping (open, dup, pipe, socket, close, fork, umask) and the effects of
// opening: files created or truncated, user files read.
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
      unsigned m = static_cast<unsigned>(mode.value_or(0)) & 07777u & ~walk.fds.umask(e.pid);
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
  if (auto alias = std_alias(path)) {
    target = walk.fds.get(e.pid, *alias);
  }
  if (!target) {
    if (path == "/dev/null") {
      target = walk.fds.make(K::Null, path, path);
    } else if (flags & O_DIRECTORY) {
      target = walk.fds.make(K::Directory, path, e.ret_ref);
      if (walk.net_effects()) walk.found_directory(path);
    } else if (tmpfile) {
      target = walk.fds.make(K::Other, {}, "O_TMPFILE in " + path);
    } else {
      target = walk.fds.make(K::File, path, e.ret_ref);
    }
  }
  walk.fds.set(e.pid, e.ret, target);
  target->append = (flags & O_APPEND) != 0;

  if (opath || path.empty() || std_alias(path)) return;
  if (walk.net_effects() && target->kind != K::Null && target->node == FileModel::kNone &&
      (target->kind == K::File || target->kind == K::Directory) && (creat || trunc || writes)) {
    const unsigned created_mode = static_cast<unsigned>(mode.value_or(0)) & 07777u & ~walk.fds.umask(e.pid);
    target->node = walk.model.open(path, flags, created_mode);
  }
  if (!op.empty()) walk.file_op(path, Category::FileOps, op);
  const bool reads = acc == O_RDONLY || (acc == O_RDWR && !creat);
  // Directories count as read when listed (getdents), not when opened as a dirfd.
  if (reads && target->kind == K::File) walk.user_read(path, false);
}

void on_close(Extractor& walk, const Event& e) {
  if (e.failed()) return;
  if (auto fd = int_of(find_arg(e, "fd", ArgKind::Fd))) walk.fds.close(e.pid, *fd);
}

void on_close_range(Extractor& walk, const Event& e) {
  if (e.failed()) return;
  auto first = int_of(arg_named(e, "first"));
  auto last = int_of(arg_named(e, "last"));
  auto flags = int_of(arg_named(e, "flags"));
  // CLOSE_RANGE_CLOEXEC only marks them; the fds stay open.
  if (first && last && !(flags && (*flags & 4)))
    walk.fds.close_range(e.pid, static_cast<std::uint64_t>(*first), static_cast<std::uint64_t>(*last));
}

void dup_to(Extractor& walk, const Event& e, std::int64_t newfd) {
  const Arg* old = find_arg(e, "oldfd", ArgKind::Fd);
  if (old == nullptr) old = find_arg(e, "fd", ArgKind::Fd);
  FdRef t = walk.fd_target(old);
  if (t) walk.fds.set(e.pid, newfd, t);
}

void on_dup(Extractor& walk, const Event& e) {
  if (!e.failed()) dup_to(walk, e, e.ret);
}

void on_fcntl(Extractor& walk, const Event& e) {
  if (e.failed()) return;
  const Arg* cmd = find_arg(e, "cmd", ArgKind::Enum);
  if (cmd == nullptr) return;
  bool dup = cmd->text == "F_DUPFD" || cmd->text == "F_DUPFD_CLOEXEC" ||
             (cmd->text.empty() && (cmd->raw == F_DUPFD || cmd->raw == F_DUPFD_CLOEXEC));
  if (dup) dup_to(walk, e, e.ret);
}

void on_pipe(Extractor& walk, const Event& e) {
  if (e.failed()) return;
  const Arg* a = find_arg(e, "pipefd", ArgKind::Struct);
  if (a == nullptr) a = nth_arg(e, ArgKind::Argv);
  auto fds = fd_pair(a);
  if (fds.size() != 2) {
    walk.count("equivalence.pipe_fds_undecoded");
    return;
  }
  auto t = walk.fds.make(K::Pipe, {}, "pipe");
  walk.fds.set(e.pid, fds[0], t);
  walk.fds.set(e.pid, fds[1], t);
}

void on_socketpair(Extractor& walk, const Event& e) {
  if (e.failed()) return;
  const Arg* a = find_arg(e, "sv", ArgKind::Struct);
  if (a == nullptr) a = nth_arg(e, ArgKind::Argv);
  auto fds = fd_pair(a);
  if (fds.size() != 2) {
    walk.count("equivalence.pipe_fds_undecoded");
    return;
  }
  walk.fds.set(e.pid, fds[0], walk.fds.make(K::Socket, {}, "socketpair"));
  walk.fds.set(e.pid, fds[1], walk.fds.make(K::Socket, {}, "socketpair"));
}

void on_socket(Extractor& walk, const Event& e) {
  if (!e.failed()) walk.fds.set(e.pid, e.ret, walk.fds.make(K::Socket, {}, e.ret_ref));
}

void on_clone(Extractor& walk, const Event& e) {
  if (e.failed() || e.ret <= 0) return;
  auto owner = walk.tree.process_of_tid(static_cast<std::int32_t>(e.ret));
  if (owner && *owner == e.pid) return;  // a thread: same fd table
  walk.fds.fork(e.pid, Pid{static_cast<std::int32_t>(e.ret)});
}

void on_umask(Extractor& walk, const Event& e) {
  if (auto m = int_of(find_arg(e, "mask", ArgKind::Mode)))
    walk.fds.set_umask(e.pid, static_cast<unsigned>(*m));
}

}  // namespace

void track_generic_fd(Extractor& walk, const Event& e) {
  if (e.failed() || e.ret < 0) return;
  const SyscallInfo* info = syscall_by_name(e.name);
  if (info == nullptr || !info->returns_fd) return;
  walk.fds.set(e.pid, e.ret, walk.fds.from_description(-1, e.ret_ref));
}

Handler fd_handler(std::string_view name) {
  if (has_family(name, Family::Open)) return on_open;
  if (name == "close") return on_close;
  if (name == "close_range") return on_close_range;
  if (has_family(name, Family::Dup)) return on_dup;
  if (name == "fcntl") return on_fcntl;
  if (has_family(name, Family::Pipe)) return on_pipe;
  if (name == "socket") return on_socket;
  if (name == "socketpair") return on_socketpair;
  if (has_family(name, Family::Spawn)) return on_clone;
  if (name == "umask") return on_umask;
  return nullptr;
}

}  // namespace golden::eqv
