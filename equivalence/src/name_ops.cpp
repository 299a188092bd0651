#include "name_ops.hpp"

#include <fcntl.h>

#include "args.hpp"
#include "golden/syscalls/families.hpp"

namespace golden::eqv {
namespace {

constexpr std::int64_t kAtRemoveDir = 0x200;
constexpr std::int64_t kRenameExchange = 2;

std::string_view first_path(const Event& e) { return path_of(nth_arg(e, ArgKind::Path, 0)); }
std::string_view second_path(const Event& e) { return path_of(nth_arg(e, ArgKind::Path, 1)); }

}  // namespace

std::optional<OpenFlags> open_flags(const Event& e) {
  const std::string_view name = e.name;
  OpenFlags out;
  if (name == "creat") {
    out.flags = O_CREAT | O_WRONLY | O_TRUNC;
    out.mode = int_of(find_arg(e, "mode", ArgKind::Mode));
  } else if (name == "openat2") {
    const Arg* how = arg_named(e, "how");
    auto f = open_how_flags(how);
    if (!f) return std::nullopt;
    out.flags = *f;
    out.mode = open_how_mode(how);
  } else {
    const Arg* fa = arg_named(e, "flags");
    if (fa == nullptr) fa = nth_arg(e, ArgKind::Flags);
    out.flags = fa != nullptr ? fa->raw : 0;
    out.mode = int_of(find_arg(e, "mode", ArgKind::Mode));
  }
  return out;
}

std::optional<NameOp> name_op(const Event& e) {
  if (e.kind != EventKind::Syscall) return std::nullopt;
  const std::string_view name = e.name;
  NameOp op;
  op.ok = !e.failed();
  op.err = e.err;
  if (syscalls::has_family(name, syscalls::Family::Open)) {
    auto f = open_flags(e);
    if (!f) return std::nullopt;
    op.kind = NameOp::Kind::Open;
    op.flags = f->flags;
    op.mode = f->mode;
    op.path = path_of(find_arg(e, "pathname", ArgKind::Path));
    // Without a decoded path the kernel's name for the new fd tells it.
    if (op.path.empty() && op.ok && e.ret_ref.starts_with('/')) op.path = e.ret_ref;
  } else if (name == "mkdir" || name == "mkdirat") {
    op.kind = NameOp::Kind::Mkdir;
    op.path = first_path(e);
    op.mode = int_of(find_arg(e, "mode", ArgKind::Mode));
  } else if (name == "mknod" || name == "mknodat") {
    op.kind = NameOp::Kind::Mknod;
    op.path = first_path(e);
    op.mode = int_of(find_arg(e, "mode", ArgKind::Mode));
  } else if (name == "symlink" || name == "symlinkat") {
    op.kind = NameOp::Kind::Symlink;
    op.path = path_of(find_arg(e, "linkpath", ArgKind::Path));
    const Arg* target = find_arg(e, "target", ArgKind::String);
    op.target = target == nullptr ? std::string_view("?") : std::string_view(target->str);
  } else if (name == "link" || name == "linkat") {
    op.kind = NameOp::Kind::Link;
    op.path = first_path(e);
    op.path2 = second_path(e);
  } else if (name == "rename" || name == "renameat" || name == "renameat2") {
    op.flags = int_of(arg_named(e, "flags")).value_or(0);
    op.kind = (op.flags & kRenameExchange) ? NameOp::Kind::Exchange : NameOp::Kind::Rename;
    op.path = first_path(e);
    op.path2 = second_path(e);
  } else if (name == "unlink" || name == "unlinkat" || name == "rmdir") {
    op.kind = NameOp::Kind::Remove;
    op.path = first_path(e);
    auto flags = int_of(arg_named(e, "flags"));
    op.directory = name == "rmdir" || (flags && (*flags & kAtRemoveDir));
  } else {
    return std::nullopt;
  }
  if (op.path.empty()) return std::nullopt;
  return op;
}

}  // namespace golden::eqv
