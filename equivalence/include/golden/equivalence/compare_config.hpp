// The `[compare]` table of a golden/renacer TOML file (SPEC §5, §6): what normalization
// templates, what counts as noise, which effects are compared, and which divergences
// are accepted ("allowed divergences", after Pina et al., USENIX ATC'17).
// docs/compare.md documents every key with examples.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "golden/equivalence/categories.hpp"
#include "golden/model/result.hpp"

namespace golden {

// Which trace a one-sided rule is about.
enum class Side : std::uint8_t { A, B, Either };

// An accepted divergence: a difference whose items all match the rule is reported as
// "allowed" and does not fail the comparison.
struct AllowRule {
  std::vector<Category> categories;   // empty: any category
  std::vector<std::string> paths;     // globs over the item's path (templated or absolute); empty: any
  std::vector<std::string> processes; // globs over process keys ("1/sh/sort"); empty: any
  Side side = Side::Either;           // B: items only in B are allowed (B may do more), A: only in A
  std::string reason;                 // shown in reports
  std::string where;                  // "file.toml:12", for reports
};

// A user-defined path template: paths under a directory matching `glob` are shown
// (and compared) as "$NAME/...".
struct PathTemplate {
  std::string name;  // without the '$'
  std::string glob;  // matched against a path prefix, component by component
};

struct CompareConfig {
  // Paths whose effects are not compared at all (globs; `**` spans directories).
  // Matched against the templated path ("$HOME/.cache/**") and the absolute one.
  std::vector<std::string> ignore_paths;
  // Effect categories not compared (removed before comparison and from `normalize`).
  std::set<Category> relax;
  // Compare the root process's own exec chain (the "implementation": ./tool vs
  // python3 tool.py vs sh tool.sh). Off by default.
  bool root_exec = false;
  // Compare loader/runtime noise too (system library reads, failed probes, python
  // bytecode caches, /dev/null writes, the nscd probe...). Off by default.
  bool noise = false;
  // Show processes that fork without exec as their own tree nodes. Off by default:
  // such forks (subshells, workers) are how a program is written, not what it does;
  // their effects are attributed to the nearest ancestor that exec'd.
  bool forks = false;
  // Compare the file operations themselves (create, truncate, unlink, rename...) in
  // order, instead of each file's net effect (its state after the run: exists or not,
  // kind, mode, content). Off by default: which operations a run makes depends on what
  // an earlier run left behind (an unlink of an old copy, O_TRUNC vs O_CREAT).
  bool strict_files = false;
  // Syscall classes (SyscallClass bits) and names also compared call by call, per
  // thread, after normalization. Default: none (effects only).
  std::uint16_t include_classes = 0;
  std::vector<std::string> include_syscalls;
  // Syscall classes and names that produce no effects at all.
  std::uint16_t exclude_classes = 0;
  std::vector<std::string> exclude_syscalls;
  // Directories whose generated entries (mktemp, mkstemp, tempfile) become $TMPn.
  std::vector<std::string> tmp_dirs{"/tmp", "/var/tmp", "/dev/shm"};
  // Home directories (globs), templated as $HOME.
  std::vector<std::string> home_dirs{"/root", "/home/*"};
  // Extra templates, applied before the built-in ones.
  std::vector<PathTemplate> templates;
  // Extra noise paths (globs), on top of the built-in list (only when noise = false).
  std::vector<std::string> noise_paths;
  // Replace known temp/home/cwd paths and pids inside written bytes when a payload is
  // complete, so a printed temp path doesn't make two runs differ.
  bool template_content = true;
  // Context lines around each difference in the unified diffs.
  int context = 3;
  std::vector<AllowRule> allow;
  // Where the config came from ("" for defaults).
  std::string source;
};

// Reads the [compare] table of a TOML file (other tables, e.g. renacer's [[assertion]],
// are ignored). A file without [compare] gives the defaults. Errors carry file:line.
Result<CompareConfig> load_compare_config(const std::string& path);
// Same from text; `name` is used in error locations.
Result<CompareConfig> parse_compare_config(std::string_view toml, std::string_view name);

// Adds what the environment of the comparing process says: $HOME to home_dirs and
// $TMPDIR to tmp_dirs (the CLI and the GoogleTest layer call this; traces compared on
// the machine that captured them then template those paths too).
void add_environment_defaults(CompareConfig& config);

}  // namespace golden
