#include "golden/graph/happens_before.hpp"

#include <unordered_map>

namespace golden {

std::vector<Seq> previous_in_thread(const Trace& trace) {
  const Seq n = trace.events.size();
  std::vector<Seq> previous(n, kNoEvent);
  // Keyed by (pid, tid), forgotten at the thread's Exit event. A hash map (one lookup per
  // event); a thread's events mostly come in runs, so the last key is checked first.
  std::unordered_map<std::uint64_t, Seq> last_of_thread;
  std::uint64_t last_key = ~std::uint64_t{0};
  Seq* last_slot = nullptr;
  for (Seq i = 0; i < n; ++i) {
    const Event& e = trace.events[i];
    const std::uint64_t key = static_cast<std::uint64_t>(static_cast<std::uint32_t>(e.pid.value)) << 32 |
                              static_cast<std::uint32_t>(e.tid.value);
    if (key != last_key || last_slot == nullptr) {
      auto [it, fresh] = last_of_thread.try_emplace(key, kNoEvent);
      last_slot = &it->second;
      last_key = key;
    }
    previous[i] = *last_slot;
    *last_slot = i;
    if (e.kind == EventKind::Exit) {
      last_of_thread.erase(key);
      last_slot = nullptr;
    }
  }
  return previous;
}

}  // namespace golden
