// RedundantIO: the same path opened or stat-ed over and over with nothing changing it
// in between (confidence rule in detectors.hpp).
#include <fcntl.h>
#include <fmt/format.h>

#include <map>
#include <set>

#include "detector_list.hpp"
#include "detector_util.hpp"
#include "golden/syscalls/families.hpp"

namespace golden::detail {
namespace {

constexpr double kHalfConfidence = 30;  // excess accesses for confidence 0.5
constexpr std::uint64_t kFree = 2;      // accesses that are normal (check, then open)
constexpr std::uint64_t kMinAccesses = 5;

using syscalls::Family;
using syscalls::has_family;

const std::set<std::string_view> kLooks{"stat",       "lstat",    "newfstatat",
                                        "statx",      "access",   "faccessat",
                                        "faccessat2", "readlink", "readlinkat"};
// Calls that change what is at a path: after them, looking again is not redundant.
const std::set<std::string_view> kPathChanges{
    "unlink",   "unlinkat", "rename",   "renameat",  "renameat2",   "truncate",    "chmod",
    "fchmodat", "chown",    "lchown",   "fchownat",  "utimensat",   "utimes",      "utime",
    "mkdir",    "mkdirat",  "rmdir",    "symlink",   "symlinkat",   "link",        "linkat",
    "mknod",    "mknodat",  "setxattr", "lsetxattr", "removexattr", "lremovexattr"};
// Calls that change the file an fd refers to, besides writes.
const std::set<std::string_view> kFdChanges{"ftruncate", "fchmod", "fchown", "fallocate",
                                            "fsetxattr"};

bool opens_for_change(const Event& e) {
  if (e.name == "creat") return true;
  const Arg* flags = arg_named(e, "flags");
  if (flags == nullptr) return false;
  return (flags->raw & O_ACCMODE) != O_RDONLY || (flags->raw & (O_CREAT | O_TRUNC)) != 0;
}

struct PathRun {
  std::uint64_t current = 0;  // accesses since the last change
  Seq current_first = 0;
  std::uint64_t best = 0;  // the longest such run
  Seq best_first = 0, best_last = 0;
  std::uint64_t opens = 0, looks = 0;
  Tid tid;
};

class RedundantIO final : public Detector {
 public:
  std::string_view name() const override { return "RedundantIO"; }
  std::string_view description() const override {
    return "the same path opened/stat-ed over and over";
  }
  Result<DetectorResult> detect(const Trace& trace, std::uint32_t run,
                                const DetectorOptions& options) const override {
    auto filter = ProcessFilter::make(trace, options.process_name_pattern);
    if (!filter) return filter.error();
    std::map<std::pair<Pid, std::string>, PathRun> paths;
    auto changed = [&](Pid pid, const std::string& path) {
      if (auto it = paths.find({pid, path}); it != paths.end()) it->second.current = 0;
    };
    for (const Event& e : trace.events) {
      if (e.kind != EventKind::Syscall || !filter->selects(e.pid)) continue;
      if (kPathChanges.contains(e.name)) {
        for (const Arg& a : e.args)
          if (a.kind == ArgKind::Path && !a.str.empty()) changed(e.pid, a.str);
        continue;
      }
      if (has_family(e.name, Family::Write) || kFdChanges.contains(e.name)) {
        if (const Arg* fd = first_arg(e, ArgKind::Fd); fd != nullptr && !fd->str.empty())
          changed(e.pid, fd->str);
        continue;
      }
      const bool open = has_family(e.name, Family::Open);
      if ((!open && !kLooks.contains(e.name)) || e.failed()) continue;  // failures: RetryStorm
      const Arg* path = first_arg(e, ArgKind::Path);
      if (path == nullptr || path->str.empty()) continue;
      if (open && opens_for_change(e)) {
        changed(e.pid, path->str);
        continue;
      }
      PathRun& r = paths[{e.pid, path->str}];
      if (r.current == 0) r.current_first = e.seq, r.tid = e.tid;
      ++r.current;
      ++(open ? r.opens : r.looks);
      if (r.current > r.best)
        r.best = r.current, r.best_first = r.current_first, r.best_last = e.seq;
    }
    DetectorResult out;
    for (const auto& [key, r] : paths) {
      if (r.best < kMinAccesses) continue;
      Finding f;
      f.confidence = saturate(static_cast<double>(r.best - kFree), kHalfConfidence);
      f.count = r.best;
      f.run = run;
      f.pid = key.first;
      f.tid = r.tid;
      f.path = key.second;
      f.first_seq = r.best_first;
      f.last_seq = r.best_last;
      f.summary = fmt::format(
          "{} accessed {} times with no change to it in between ({} opens, {} "
          "stat/access calls in all)",
          key.second, r.best, r.opens, r.looks);
      f.why =
          "each open/stat is a path walk in the kernel and usually a sign of a missing cache: "
          "open once and keep the fd, or remember what the first look found";
      describe_where(f, filter->names());
      out.findings.push_back(std::move(f));
    }
    sort_findings(out.findings);
    return out;
  }
};

}  // namespace

const Detector& redundant_io_detector() {
  static const RedundantIO d;
  return d;
}

}  // namespace golden::detail
