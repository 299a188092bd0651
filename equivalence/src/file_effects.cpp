// Operations on files as names: delete, rename, link, chmod, chown, mkdir, truncate,
// set times. Each lands in the channel of the path it is about (both paths for a
// rename or link), in the order the program made them.
#include <fmt/format.h>

#include <optional>
#include <string_view>

#include "args.hpp"
#include "effects_internal.hpp"
#include "name_ops.hpp"

namespace golden::eqv {
namespace {

constexpr std::int64_t kRenameNoReplace = 1;

std::string outcome(const Event& e) { return e.failed() ? " = " + errno_name(e.err) : ""; }

std::string first_path(const Event& e) { return path_of(nth_arg(e, ArgKind::Path, 0)); }

// A path argument, with /proc/self/fd/N and /dev/fd/N taken as the file behind fd N (tar
// sets modes through them): the recorder numbered such a path by the fd it names.
std::string real_path(Extractor& walk, const Arg* arg) {
  const std::string& path = path_of(arg);
  if (arg == nullptr || arg->ofd == 0 ||
      !(path.starts_with("/proc/self/fd/") || path.starts_with("/dev/fd/")))
    return path;
  FdRef t = walk.targets.find(arg->ofd);
  if (t && (t->kind == FdTarget::Kind::File || t->kind == FdTarget::Kind::Directory)) return t->path;
  return path;
}

// The file an fd-based call (fchmod, fchown, ftruncate, fsetxattr) works on.
FdRef fd_file(Extractor& walk, const Event& e) {
  FdRef t = walk.fd_target(find_arg(e, "fd", ArgKind::Fd));
  if (t && (t->kind == FdTarget::Kind::File || t->kind == FdTarget::Kind::Directory)) return t;
  return nullptr;
}

// What an attribute call (chmod, chown, truncate, setxattr) is about: the fd's file for
// the f* forms, else the path's. `path` is empty when there is none.
struct AttributeTarget {
  std::string path;
  FdRef fd = nullptr;
  FileModel::NodeId file(Extractor& walk) const { return fd != nullptr ? walk.file_of(*fd) : walk.model.at(path); }
};
AttributeTarget attribute_target(Extractor& walk, const Event& e, bool by_fd) {
  if (!by_fd) return {real_path(walk, nth_arg(e, ArgKind::Path, 0)), nullptr};
  FdRef t = fd_file(walk, e);
  return t != nullptr ? AttributeTarget{t->path, t} : AttributeTarget{};
}

void on_unlink(Extractor& walk, const Event& e) {
  auto op = name_op(e);
  if (!op) return;
  const std::string path(op->path);
  walk.file_op(path, Category::FileOps, (op->directory ? "rmdir" : "unlink") + outcome(e));
  if (walk.net_effects()) walk.model.apply(*op, 0);
}

void on_mkdir(Extractor& walk, const Event& e) {
  auto op = name_op(e);
  if (!op) return;
  const std::string path(op->path);
  unsigned m = static_cast<unsigned>(op->mode.value_or(0777)) & 07777u & ~walk.umasks.of(e.pid);
  walk.file_op(path, Category::FileOps, fmt::format("mkdir {:04o}{}", m, outcome(e)));
  if (walk.net_effects()) {
    walk.model.apply(*op, walk.umasks.of(e.pid));
    if (!op->ok && op->err == EEXIST) walk.found_directory(path);
  }
}

void on_mknod(Extractor& walk, const Event& e) {
  auto op = name_op(e);
  if (!op) return;
  const std::string path(op->path);
  std::string text = fmt::format("mknod {:o}", op->mode.value_or(0));
  walk.file_op(path, Category::FileOps, text + outcome(e));
  if (walk.net_effects()) walk.model.apply(*op, 0);
}

void on_rename(Extractor& walk, const Event& e) {
  auto op = name_op(e);
  if (!op) return;
  const std::string from(op->path), to(op->path2);
  std::string tail = (op->flags & kRenameNoReplace ? " noreplace" : "") + outcome(e);
  if (op->kind == NameOp::Kind::Exchange) {
    walk.file_op(from, Category::FileOps, "exchange with " + walk.templated_path(to) + tail);
    walk.file_op(to, Category::FileOps, "exchange with " + walk.templated_path(from) + tail);
    if (walk.net_effects()) walk.model.apply(*op, 0);
    return;
  }
  walk.file_op(from, Category::FileOps, "rename to " + walk.templated_path(to) + tail);
  if (!e.failed()) walk.file_op(to, Category::FileOps, "rename from " + walk.templated_path(from));
  if (walk.net_effects()) walk.model.apply(*op, 0);
}

void on_link(Extractor& walk, const Event& e) {
  auto op = name_op(e);
  if (!op) return;
  const std::string from(op->path), to(op->path2);
  walk.file_op(from, Category::FileOps, "link to " + walk.templated_path(to) + outcome(e));
  if (!e.failed()) walk.file_op(to, Category::FileOps, "link from " + walk.templated_path(from));
  if (walk.net_effects()) walk.model.apply(*op, 0);
}

void on_symlink(Extractor& walk, const Event& e) {
  auto op = name_op(e);
  if (!op) return;
  const std::string path(op->path);
  // A relative target is kept as written: it is resolved against the link's directory.
  walk.file_op(path, Category::FileOps, "symlink -> " + walk.templated_text(op->target) + outcome(e));
  if (walk.net_effects()) walk.model.apply(*op, 0);
}

void on_chmod(Extractor& walk, const Event& e) {
  const AttributeTarget target = attribute_target(walk, e, e.name == "fchmod");
  const std::string& path = target.path;
  auto mode = int_of(find_arg(e, "mode", ArgKind::Mode));
  walk.file_op(path, Category::FileOps,
            fmt::format("chmod {:04o}{}", mode.value_or(0) & 07777, outcome(e)));
  if (walk.net_effects() && !e.failed() && !path.empty() && mode)
    walk.model.chmod(target.file(walk), static_cast<unsigned>(*mode) & 07777u);
}

void on_chown(Extractor& walk, const Event& e) {
  const AttributeTarget target = attribute_target(walk, e, e.name == "fchown");
  const std::string& path = target.path;
  auto id = [&](std::string_view name) {
    auto v = int_of(arg_named(e, name));
    if (!v || *v == -1 || *v == 0xffffffff) return std::string("-");
    return std::to_string(*v);
  };
  const std::string uid = id("owner"), gid = id("group");
  const std::string owner = uid + ":" + gid;
  walk.file_op(path, Category::FileOps, "chown " + owner + outcome(e));
  // A chown to the ids the program runs with (cp -a, tar copying the user's own files)
  // leaves the owner a new file has anyway: no change.
  const bool own = (uid == "-" || (walk.trace.run.uid >= 0 && uid == std::to_string(walk.trace.run.uid))) &&
                   (gid == "-" || (walk.trace.run.gid >= 0 && gid == std::to_string(walk.trace.run.gid)));
  if (walk.net_effects() && !e.failed() && !path.empty() && !own) walk.model.chown(target.file(walk), owner);
}

void on_truncate(Extractor& walk, const Event& e) {
  const AttributeTarget target = attribute_target(walk, e, e.name == "ftruncate");
  const std::string& path = target.path;
  auto len = int_of(arg_named(e, "length"));
  const std::string text = fmt::format("truncate {}", len.value_or(0));
  walk.file_op(path, Category::FileOps, text + outcome(e));
  if (walk.net_effects() && !e.failed() && !path.empty())
    walk.model.truncate(target.file(walk), static_cast<std::uint64_t>(len.value_or(0)),
                     walk.file_item(path, Category::FileOps, text));
}

void on_utimes(Extractor& walk, const Event& e) {
  std::string path = first_path(e);
  if (path.empty()) {  // futimens(fd) is utimensat(fd, NULL, ...)
    FdRef t = walk.fd_target(find_arg(e, "dirfd", ArgKind::Fd));
    if (t && (t->kind == FdTarget::Kind::File || t->kind == FdTarget::Kind::Directory))
      path = t->path;
  }
  // The times themselves are clock readings: only that they were set is behaviour.
  walk.file_op(path, Category::FileOps, "set times" + outcome(e));
}

// The permission bits a POSIX access ACL (the system.posix_acl_access xattr: version 2,
// then {u16 tag, u16 perm, u32 id} entries) gives a file: owner, mask or group, other.
// `cp -a` and `sed -i` set a copy's mode this way rather than with chmod.
std::optional<unsigned> acl_mode(std::string_view acl) {
  auto u16 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(acl[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(acl[at + 1])) << 8;
  };
  if (acl.size() < 4 || (acl.size() - 4) % 8 != 0 || u16(0) != 2) return std::nullopt;
  std::optional<unsigned> owner, group, mask, other;
  for (std::size_t at = 4; at < acl.size(); at += 8) {
    const unsigned tag = u16(at), perm = u16(at + 2) & 7u;
    if (tag == 0x01) owner = perm;
    if (tag == 0x04) group = perm;
    if (tag == 0x10) mask = perm;
    if (tag == 0x20) other = perm;
  }
  if (!owner || !group || !other) return std::nullopt;
  return *owner << 6 | (mask ? *mask : *group) << 3 | *other;
}

void on_setxattr(Extractor& walk, const Event& e) {
  const Arg* name = find_arg(e, "name", ArgKind::String);
  const Arg* value = arg_named(e, "value");
  if (e.failed() || name == nullptr || name->str != "system.posix_acl_access" || value == nullptr ||
      !value->data || !value->data->complete())
    return;
  auto mode = acl_mode(value->data->head);
  if (!mode) return;
  const AttributeTarget target = attribute_target(walk, e, e.name == "fsetxattr");
  const std::string& path = target.path;
  if (path.empty()) return;
  walk.file_op(path, Category::FileOps, fmt::format("chmod {:04o} (acl)", *mode));
  if (walk.net_effects()) walk.model.chmod(target.file(walk), *mode);
}

// A stat is a look, not an effect; what it shows feeds the net-effects model: the mode of
// a file that was there before the run, and directories found existing (a directory one
// run makes and the next finds already there is the same state).
void on_stat(Extractor& walk, const Event& e) {
  if (e.failed() || !walk.net_effects()) return;
  const std::string& path = path_of(nth_arg(e, ArgKind::Path, 0));
  if (path.empty()) return;
  for (const Arg& a : e.args) {
    std::size_t at = a.text.find("_mode=S_IF");
    if (at == std::string::npos) continue;
    std::string_view rest = std::string_view(a.text).substr(at + 10);
    const bool directory = rest.starts_with("DIR");
    std::size_t bar = rest.find('|');
    if (bar == std::string_view::npos) return;
    unsigned mode = 0;
    for (std::size_t i = bar + 1; i < rest.size() && rest[i] >= '0' && rest[i] <= '7'; ++i)
      mode = mode * 8 + static_cast<unsigned>(rest[i] - '0');
    if (directory) walk.found_directory(path);
    if (directory || rest.starts_with("REG")) walk.model.saw_mode(path, mode & 07777u, directory);
    return;
  }
}

}  // namespace

Handler file_handler(std::string_view name) {
  if (name == "stat" || name == "lstat" || name == "newfstatat" || name == "statx") return on_stat;
  if (name == "setxattr" || name == "lsetxattr" || name == "fsetxattr") return on_setxattr;
  if (name == "unlink" || name == "unlinkat" || name == "rmdir") return on_unlink;
  if (name == "mkdir" || name == "mkdirat") return on_mkdir;
  if (name == "mknod" || name == "mknodat") return on_mknod;
  if (name == "rename" || name == "renameat" || name == "renameat2") return on_rename;
  if (name == "link" || name == "linkat") return on_link;
  if (name == "symlink" || name == "symlinkat") return on_symlink;
  if (name == "chmod" || name == "fchmod" || name == "fchmodat" || name == "fchmodat2")
    return on_chmod;
  if (name == "chown" || name == "fchown" || name == "lchown" || name == "fchownat")
    return on_chown;
  if (name == "truncate" || name == "ftruncate") return on_truncate;
  if (name == "utimensat" || name == "utimes" || name == "utime" || name == "futimesat")
    return on_utimes;
  return nullptr;
}

}  // namespace golden::eqv
