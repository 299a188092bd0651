// What is not behaviour: paths the user asked to ignore, and (unless `noise = true`)
// the loader/runtime noise every program makes — reading shared libraries, locale and
// libc configuration, interpreter start-up (python's stdlib, bytecode caches), /proc
// and /sys introspection, /dev/null, the nscd probe. Each list entry says why it is
// noise; docs/compare.md has the full list.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "golden/equivalence/compare_config.hpp"

namespace golden::eqv {

class PathSet {
 public:
  PathSet() = default;
  explicit PathSet(const std::vector<std::string>& globs);
  void add(std::string_view glob);
  bool matches(std::string_view path) const;
  bool empty() const {
    return prefixes_.empty() && exact_.empty() && basenames_.empty() && suffixes_.empty() &&
           dir_names_.empty() && globs_.empty();
  }

 private:
  std::vector<std::string> prefixes_;  // "X/**": X itself and everything below
  std::vector<std::string> exact_;
  std::vector<std::string> basenames_;  // "**/NAME"
  std::vector<std::string> suffixes_;   // "**/*SUFFIX"
  std::vector<std::string> dir_names_;  // "**/NAME/**": a directory named NAME anywhere
  // General globs, with the length of their literal head (before the first wildcard):
  // a path that doesn't start with it cannot match, and most don't.
  std::vector<std::pair<std::string, std::size_t>> globs_;
};

class NoiseFilter {
 public:
  explicit NoiseFilter(const CompareConfig& config);

  // ignore_paths: never compared, whatever `noise` says. Both spellings are tried.
  bool ignored(std::string_view abs, std::string_view templated) const;
  // A read of this path is runtime noise (system libraries, configuration...).
  bool noise_read(std::string_view abs, std::string_view templated) const;
  // A write/create/delete of this path is runtime noise (/dev/null, bytecode caches).
  bool noise_write(std::string_view abs, std::string_view templated) const;
  // A connection to this endpoint is runtime noise (libc's nscd probe, netlink).
  bool noise_endpoint(std::string_view endpoint) const;
  bool keep_noise() const { return keep_noise_; }

 private:
  bool keep_noise_;
  PathSet ignore_;
  PathSet read_noise_;
  PathSet write_noise_;
};

}  // namespace golden::eqv
