#include "fd_targets.hpp"

namespace golden::eqv {

FdTargets::FdTargets() {
  bind(1, make(FdTarget::Kind::Stdin));
  bind(2, make(FdTarget::Kind::Stdout));
  bind(3, make(FdTarget::Kind::Stderr));
}

FdRef FdTargets::make(FdTarget::Kind kind, std::string path, std::string desc) {
  FdTarget& t = targets_.emplace_back();
  t.kind = kind;
  t.desc_is_path_ = !path.empty() && desc == path;
  if (!t.desc_is_path_) t.desc_ = std::move(desc);
  t.path = std::move(path);
  return &t;
}

FdRef FdTargets::from_description(const std::string& desc) {
  using K = FdTarget::Kind;
  if (desc == "/dev/null") return make(K::Null, desc, desc);
  if (desc.starts_with("/")) return make(K::File, desc, desc);
  if (desc.starts_with("pipe:")) return make(K::Pipe, {}, desc);
  if (desc.starts_with("socket:")) return make(K::Socket, {}, desc);
  return make(K::Other, {}, desc);
}

}  // namespace golden::eqv
