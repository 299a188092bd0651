#include "attach.hpp"

#include <dirent.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>

#include "wait_status.hpp"

namespace golden::rec {
namespace {

std::optional<std::vector<std::int32_t>> list_tasks(Pid pid) {
  const std::string dir = "/proc/" + std::to_string(pid.value) + "/task";
  DIR* d = ::opendir(dir.c_str());
  if (!d) return std::nullopt;
  std::vector<std::int32_t> tids;
  while (dirent* e = ::readdir(d)) {
    char* end = nullptr;
    const long v = std::strtol(e->d_name, &end, 10);
    if (end != e->d_name && *end == '\0' && v > 0) tids.push_back(static_cast<std::int32_t>(v));
  }
  ::closedir(d);
  return tids;
}

Error attach_error(Pid pid, int err) {
  return Error{"cannot attach to process " + std::to_string(pid.value) + ": " + std::strerror(err),
               ""};
}

}  // namespace

Result<std::vector<Tid>> seize_process(Pid pid, const TraceOptions& options) {
  if (pid.value <= 0) return attach_error(pid, ESRCH);
  std::set<std::int32_t> seized;
  for (int round = 0; round < 100; ++round) {
    auto tids = list_tasks(pid);
    if (!tids) {
      if (seized.empty()) return attach_error(pid, ESRCH);
      break;
    }
    bool found_new = false;
    for (std::int32_t tid : *tids) {
      if (seized.count(tid)) continue;
      const int err = seize(Tid{tid}, options);
      if (err == ESRCH) continue;  // the thread exited meanwhile
      if (err != 0) {
        std::vector<Tid> done;
        for (auto t : seized) done.push_back(Tid{t});
        release_seized(done);
        return attach_error(pid, err);
      }
      // SEIZE does not stop the thread; the interrupt makes it report a first stop.
      (void)interrupt(Tid{tid});
      seized.insert(tid);
      found_new = true;
    }
    if (!found_new) break;
  }
  if (seized.empty()) return attach_error(pid, ESRCH);
  // The leader first (ProcessInfo::threads), then the others in tid order.
  std::vector<Tid> out;
  if (seized.count(pid.value)) out.push_back(Tid{pid.value});
  for (auto t : seized)
    if (t != pid.value) out.push_back(Tid{t});
  return out;
}

void release_seized(const std::vector<Tid>& tids) {
  for (Tid tid : tids) {
    int status = 0;
    if (::waitpid(tid.value, &status, __WALL) != tid.value) continue;
    const WaitResult w = classify_wait_status(tid, status);
    if (w.kind == StopKind::Exited || w.kind == StopKind::Killed) continue;
    (void)detach(tid, w.kind == StopKind::SignalDelivery ? w.signal : 0);
  }
}

}  // namespace golden::rec
