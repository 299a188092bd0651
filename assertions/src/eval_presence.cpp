// forbidden / required: syscalls, paths (globs over the paths calls name) and network
// endpoints (globs over the addresses connect/sendto/sendmsg contact).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>

#include "evaluators.hpp"
#include "golden/assertions/call_query.hpp"
#include "process_filter.hpp"

namespace golden::detail {
namespace {

// One call that matches items of the list.
struct Hit {
  std::vector<std::string> items;  // the config entries it matched: "connect", "/etc/**", "*:443"
  std::string what;                // "openat /etc/passwd", "connect 10.0.0.1:443"
  const Event* event = nullptr;
  std::uint32_t run = 0;
};

void find_hits(const Trace& t, const PresenceSpec& s, const ProcessFilter& filter,
               bool need_success, std::vector<Hit>& hits) {
  for (const Event& e : t.events) {
    if (e.kind != EventKind::Syscall || !filter.selects(e.pid)) continue;
    if (need_success && !call_succeeded(e)) continue;
    Hit h{.what = e.name, .event = &e, .run = t.run.index};
    // The most telling object of the call names it: its endpoint, else its path.
    if (!s.endpoints.empty())
      for (const std::string& endpoint : contacted_endpoints(e))
        for (const std::string& glob : s.endpoints)
          if (endpoint_glob_match(glob, endpoint)) h.items.push_back(glob), h.what = e.name + " " + endpoint;
    if (!s.paths.empty()) {
      for (const Arg& a : e.args) {
        if (a.kind != ArgKind::Path) continue;
        for (const std::string& form : path_forms(a))
          for (const std::string& glob : s.paths)
            if (path_glob_match(glob, form)) {
              if (std::find(h.items.begin(), h.items.end(), glob) == h.items.end())
                h.items.push_back(glob);
              if (h.what == e.name) h.what = e.name + " " + form;
            }
      }
    }
    for (const std::string& name : s.syscalls)
      if (e.name == name) h.items.push_back(name);
    if (!h.items.empty()) hits.push_back(std::move(h));
  }
}

std::string describe_hit(const Hit& h, const ProcessNames& names, bool several_runs) {
  std::string where = describe_process(names, h.event->pid);
  if (several_runs) where = fmt::format("run {}, {}", h.run, where);
  std::string items;
  for (const std::string& i : h.items) items += (items.empty() ? "" : ", ") + i;
  return fmt::format("{} ({}, seq {}{}; matches {})", h.what, where, h.event->seq,
                     h.event->failed() ? ", failed" : "", items);
}

}  // namespace

AssertionResult evaluate_presence(const Assertion& a, const PresenceSpec& s, const EvalContext& c) {
  AssertionResult r = result_for(a);
  const bool forbidden = a.type == AssertionType::Forbidden;
  const bool several = c.runs.size() > 1;
  std::vector<std::string> lines;
  std::vector<std::string> missing;  // required: "item (run N)"
  std::uint64_t hit_count = 0;
  for (const Trace* t : c.runs) {
    auto filter = ProcessFilter::make(*t, s.process_name_pattern);
    if (!filter) {
      r.outcome = Outcome::Error;
      r.summary = filter.error().message;
      return r;
    }
    std::vector<Hit> hits;
    // Forbidden counts attempts too: trying to open /etc/shadow is the behaviour.
    find_hits(*t, s, *filter, !forbidden, hits);
    hit_count += hits.size();
    if (forbidden) {
      for (const Hit& h : hits)
        if (lines.size() < 20) lines.push_back(describe_hit(h, filter->names(), several));
      continue;
    }
    std::vector<std::string> items = s.syscalls;
    items.insert(items.end(), s.paths.begin(), s.paths.end());
    items.insert(items.end(), s.endpoints.begin(), s.endpoints.end());
    for (const std::string& item : items) {
      const bool present = std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
        return std::find(h.items.begin(), h.items.end(), item) != h.items.end();
      });
      if (!present)
        missing.push_back(several ? fmt::format("{} (run {})", item, t->run.index) : item);
    }
  }
  r.unit = forbidden ? "calls" : "missing";
  if (forbidden) {
    r.measured = static_cast<double>(hit_count);
    r.limit = 0;
    if (hit_count == 0) {
      r.outcome = Outcome::Pass;
      r.summary = "none of the forbidden syscalls, paths or endpoints appears";
      return r;
    }
    r.outcome = violation(a);
    r.summary = fmt::format("{} call(s) do what is forbidden, first: {}", hit_count, lines.front());
    r.details = lines;
    if (hit_count > lines.size())
      r.details.push_back(fmt::format("... and {} more", hit_count - lines.size()));
    return r;
  }
  r.measured = static_cast<double>(missing.size());
  r.limit = 0;
  if (missing.empty()) {
    r.outcome = Outcome::Pass;
    r.summary = "every required syscall, path and endpoint appears (successfully)";
    return r;
  }
  r.outcome = violation(a);
  std::string list;
  for (const std::string& m : missing) list += (list.empty() ? "" : ", ") + m;
  r.summary = fmt::format("required but never seen (successfully): {}", list);
  return r;
}

}  // namespace golden::detail
