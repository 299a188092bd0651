#include "signal_tracking.hpp"

#include <algorithm>

namespace golden::rec {

void SignalSends::sent(Pid sender, int sig, HandlePtr send) {
  const auto key = std::make_pair(sender.value, sig);
  auto [it, inserted] = pending_.try_emplace(key);
  if (inserted) {
    key_order_.push_back(key);
    if (key_order_.size() > kMaxKeys) {
      pending_.erase(key_order_.front());
      key_order_.pop_front();
    }
  }
  auto& q = it->second;
  q.push_back(Pending{std::move(send)});
  while (q.size() > kMaxPerKey) q.pop_front();
}

void SignalSends::failed(Pid sender, int sig, const HandlePtr& send) {
  auto it = pending_.find({sender.value, sig});
  if (it == pending_.end()) return;
  std::erase_if(it->second, [&](const Pending& p) { return p.send == send && !p.delivered; });
}

HandlePtr SignalSends::delivered(Pid sender, int sig) {
  auto it = pending_.find({sender.value, sig});
  if (it == pending_.end() || it->second.empty()) return nullptr;
  auto& q = it->second;
  for (auto& p : q) {
    if (!p.delivered) {
      p.delivered = true;
      // Deliveries before this one are done with: keep only the latest delivered.
      while (&q.front() != &p && q.front().delivered && q.size() > 1) q.pop_front();
      return p.send;
    }
  }
  return q.back().send;
}

void DeadProcesses::died(Pid pid, HandlePtr exit_event) {
  const std::uint64_t gen = ++generation_;
  entries_[pid.value] = Entry{std::move(exit_event), false, false, gen};
  order_.emplace_back(pid.value, gen);
  while (order_.size() > kMax) {
    const auto [old_pid, old_gen] = order_.front();
    order_.pop_front();
    auto it = entries_.find(old_pid);
    if (it != entries_.end() && it->second.generation == old_gen) entries_.erase(it);
  }
}

void DeadProcesses::reused(Pid pid) {
  // Its order_ slot stays until evicted; the generation check makes that harmless.
  entries_.erase(pid.value);
}

HandlePtr DeadProcesses::reaped(Pid pid, bool consume) {
  auto it = entries_.find(pid.value);
  if (it == entries_.end() || it->second.reaped) return nullptr;
  if (consume) it->second.reaped = true;
  return it->second.exit_event;
}

HandlePtr DeadProcesses::sigchld(Pid pid) {
  auto it = entries_.find(pid.value);
  if (it == entries_.end() || it->second.signalled) return nullptr;
  it->second.signalled = true;
  return it->second.exit_event;
}

}  // namespace golden::rec
