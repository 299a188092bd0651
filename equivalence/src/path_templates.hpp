// Templating of volatile paths and numbers (SPEC §5 normalization):
//   $CWD      the root process's initial working directory
//   $HOME     the run's $HOME, or a home directory (home_dirs globs, e.g. /root, /home/*)
//   $ARGn     an argument of the run's command that is a path (n: its position)
//   $TMPDIR, $NAME  a path-valued environment variable of the run (the trace records them)
//   $GENn     a name the run made and did not leave behind (temp files and dirs, a name
//             renamed onto its target), numbered by order of creation, whatever its shape
//   $TMPn     a generated entry under a temp dir (mktemp's tmp.XXXXXXXXXX, python's
//             tmpXXXXXXXX, an exclusive creation with a random-looking name), or one that
//             plays the same part in two compared runs (PathTemplater::align)
//   $NAME     user templates from [compare.templates]
//   $PIDn     a pid of the run (n = position in the process tree, root first),
//             $TIDn for the tids of non-leader threads
// Discovery runs over the whole trace first (observe_*), so a name's number does not
// depend on where it is first printed; applying is then a pure function.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "golden/equivalence/compare_config.hpp"
#include "string_hash.hpp"

namespace golden::eqv {

class PathTemplater {
 public:
  explicit PathTemplater(const CompareConfig& config);

  // Discovery, in a deterministic (causal) order.
  void set_cwd(std::string_view cwd);
  // The run's parameters: path-valued environment ("NAME=/path") and the command's
  // arguments that are paths (relative ones resolved against the cwd; set_cwd first).
  // `skip`: arguments that are the implementation itself (a script run by python3).
  void set_parameters(const std::vector<std::string>& env, const std::vector<std::string>& argv,
                      const std::set<std::string>& skip);
  // After the trace's paths are observed: each path argument is templated as itself when
  // the run used it as a directory, else as the directory it lies in (`-o /tmp/w/x.o`
  // makes /tmp/w $ARGn, so the report still says which file: `$ARG2/x.o`).
  void settle_arguments();
  // When the cwd is also $HOME, its dot-entries (~/.config, ~/.cache) are $HOME/...: the
  // same names another run, started elsewhere, reaches through $HOME.
  void settle_home_in_cwd();
  // A name the run made and removed again (FileModel::transient_names), in order.
  void add_transient(std::string_view path);
  // Whether the trace named this absolute path (observe_path).
  bool seen(std::string_view path) const { return observed_.contains(path); }
  // An absolute path seen in the trace.
  void observe_path(std::string_view path);
  // A string that may contain absolute paths (argv entries, symlink targets).
  void observe_text(std::string_view text);
  void add_pid(std::int32_t pid, std::string name);  // name: "$PID3", "$TID1"
  // "127.0.0.1:49189", "[::1]:49189": a port this run was given; becomes $PORTn.
  void observe_local_endpoint(std::string_view endpoint);

  // Applying.
  std::string path(std::string_view abs) const;
  // Replaces every known path prefix (on path boundaries) and, when `pids`, every
  // decimal token that is a pid of the run and has at least `min_pid_digits` digits or
  // is a whole path component ("/proc/42/"), and run-local ports. `marked`: numbers
  // are replaced by a mark that keeps their value (Item::key), not by the bare name.
  std::string text(std::string_view s, bool pids, std::size_t min_pid_digits = 3,
                   bool marked = false) const;
  std::string pid_name(std::int32_t pid) const;  // "$PID2", or the number if unknown
  // text(raw, pids, 3, marked) quoted as strace quotes ("..." with \xNN escapes): the
  // templating sees the raw bytes (a path with non-ASCII characters is still a path),
  // marks pass through unescaped. Appended to `out`.
  void append_quoted_text(std::string& out, std::string_view raw, bool marked) const;
  // A socket endpoint with its host path or run-local port templated.
  std::string endpoint(std::string_view ep, bool marked = true) const;

  std::map<std::string, std::string> legend() const;

  // How two runs' templates were made to agree (compare): name, A's path, B's path.
  struct Alignment {
    std::string name, a, b;
  };
  // Aligns B's templates with A's before both are applied: path arguments paired in
  // order (a C tool's $ARG1 is a Python port's $ARG2), the temp directory roots, and
  // names under temp roots that no template explains but that play the same part in
  // both runs (a directory made by whoever ran the program, under another name).
  // Returns every template whose paths differ between the runs.
  static std::vector<Alignment> align(PathTemplater& a, PathTemplater& b);

 private:
  enum class Kind : std::uint8_t { User, Cwd, Arg, Env, Tmp, Gen, Home };
  struct Mapping {
    std::string raw;   // absolute prefix, no trailing '/'
    std::string name;  // "$TMP1"
    int priority;      // on equal length: lower wins
    Kind kind = Kind::Tmp;
    bool aligned = false;  // named by align(): the same name in both runs
  };
  bool under_tmp(std::string_view path, std::size_t* root_len) const;
  void add_mapping(std::string raw, std::string name, int priority, Kind kind = Kind::Tmp);
  void add_numbered(std::string raw, const std::string& base, int priority, Kind kind = Kind::Tmp);
  // Gives `raw` the name `name` in this run (renaming its mapping, or adding one), as
  // aligned with the other run.
  void set_aligned(const std::string& raw, const std::string& name);
  // Whether `raw` is templated by its shape alone, not yet aligned with the other run.
  bool unaligned_shape(const std::string& raw) const {
    auto it = by_raw_.find(raw);
    return it != by_raw_.end() && mappings_[it->second].kind == Kind::Tmp && !mappings_[it->second].aligned;
  }
  // The same, or a generated name ($GENn), numbered by this run alone.
  bool unaligned_own_name(const std::string& raw) const {
    auto it = by_raw_.find(raw);
    if (it == by_raw_.end() || mappings_[it->second].aligned) return false;
    return mappings_[it->second].kind == Kind::Tmp || mappings_[it->second].kind == Kind::Gen;
  }
  // The deepest temp root holding `path`, and whether it is the run's $TMPDIR.
  std::string_view temp_root_of(std::string_view path, bool* is_tmpdir) const;
  const Mapping* best(std::string_view abs) const;
  std::string replace_pids(std::string_view s, std::size_t min_digits, bool ports,
                           bool marked = false) const;

  // Priorities on equal prefix length: the most specific meaning wins.
  static constexpr int kPrioUser = 0, kPrioCwd = 1, kPrioArg = 2, kPrioTmp = 3, kEnvPriority = 4,
                       kPrioHome = 5;

  const CompareConfig& config_;
  std::vector<Mapping> mappings_;                       // sorted by raw length, longest first
  std::unordered_map<std::string, std::size_t> by_raw_;  // raw -> index in mappings_
  std::map<std::string, int> counters_;                  // "$TMP" -> last number used
  std::unordered_map<std::int32_t, std::string> pids_;
  std::unordered_map<std::int32_t, std::string> ports_;
  std::vector<std::string> tmp_roots_;
  std::string cwd_;
  std::string tmpdir_ = "/tmp";                         // $TMPDIR, or where it defaults to
  std::string home_raw_;                                // the run's $HOME, if it says
  // A path argument of the command: what it names, and the directory templated for it
  // (the argument itself when it is a directory, else the directory it lies in; "" for
  // none: a system or temp root directory).
  struct PathArg {
    int index = 0;
    std::string path;
    std::string raw;
  };
  std::vector<PathArg> args_;
  std::size_t argc_ = 0;  // the command's argument count
  std::vector<std::string> seen_;                       // observed paths, first sight order
  std::unordered_set<std::string, StringHash, std::equal_to<>> observed_;  // plain observations made
};

// Whether a path component looks like a generated temp name on its own (without
// having seen it created): mktemp's "tmp.XXXXXXXXXX", python's "tmpXXXXXXXX".
bool looks_generated(std::string_view component);

}  // namespace golden::eqv
