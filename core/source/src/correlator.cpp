#include "golden/source/correlator.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "debug_search.hpp"
#include "image_cache.hpp"
#include "remote_unwind.hpp"

namespace golden::source {
namespace {

constexpr unsigned kMaxFrames = 64;

// What the unwinder found at one physical frame.
struct FrameInfo {
  Image* image = nullptr;
  bool mapped = false;  // inside some mapping (anonymous code: JIT)
  bool user = false;    // not a system image (is_system_image)
  // A user frame whose line the debug info knows, outside system headers: a candidate
  // for the user frame. `first_logical` is its innermost such logical frame.
  bool located = false;
  std::size_t first_logical = 0;
  // A user frame in an image without any debug info (or anonymous code): the fallback
  // when no frame is located.
  bool bare = false;
  std::uint64_t link_ip = 0;  // the IP as a link-time address of `image` (else absolute)
  std::uint64_t link_pc = 0;  // the address looked up: IP - 1 for return addresses
};

// Code inlined from the compiler's and the system's headers (std::getline, an iostream
// operator<<) or instantiated from them is library code, even inside the user's image.
bool is_system_header(const std::string& file) {
  return file.starts_with("/usr/include/") || file.starts_with("/usr/lib/gcc/");
}

}  // namespace

struct Correlator::Impl {
  struct Process {
    Process(int pid, ImageCache& cache) : view(pid, cache) {}
    ProcessView view;
    RemoteUnwinder unwinder;
  };

  explicit Impl(Options o) : options(std::move(o)), cache(debug_roots(options.debug_dirs)) {}

  Process& process(Pid pid) {
    auto [it, fresh] = processes.try_emplace(pid.value);
    if (fresh) it->second = std::make_unique<Process>(pid.value, cache);
    return *it->second;
  }

  FrameInfo classify(Process& p, const RawFrame& f);
  std::optional<SourceLocation> locate(Pid pid, Tid tid, const Registers& regs);

  Options options;
  ImageCache cache;
  std::unordered_map<std::int32_t, std::unique_ptr<Process>> processes;
  Counters counters;
  std::set<std::string> without_debug;
};

FrameInfo Correlator::Impl::classify(Process& p, const RawFrame& f) {
  FrameInfo info;
  info.link_pc = f.exact ? f.ip : f.ip - 1;
  info.link_ip = f.ip;
  Image* image = nullptr;
  const Mapping* m = p.view.mapping(info.link_pc, &image);
  if (m == nullptr) return info;
  info.mapped = true;
  info.image = image;
  if (image == nullptr) {
    // Anonymous code (a JIT): the program's own, without any debug info.
    info.user = true;
    info.bare = true;
    return info;
  }
  if (image->elf) {
    const std::uint64_t file_offset = info.link_pc - m->start + m->offset;
    if (auto link = image->elf->link_address(file_offset)) {
      const std::uint64_t bias = info.link_pc - *link;
      info.link_pc -= bias;
      info.link_ip -= bias;
    }
  }
  info.user = !image->system;
  if (!info.user) return info;
  if (!cache.has_debug_info(*image)) {
    without_debug.insert(image->path);
    info.bare = true;
    return info;
  }
  // With debug info, code it does not cover (crt's _start, PLT stubs) is not the user's.
  const std::vector<ResolvedFrame>& resolved = cache.resolve(*image, info.link_pc);
  for (std::size_t i = 0; i < resolved.size(); ++i) {
    if (!resolved[i].file.empty() && !is_system_header(resolved[i].file)) {
      info.located = true;
      info.first_logical = i;
      break;
    }
  }
  return info;
}

std::optional<SourceLocation> Correlator::Impl::locate(Pid pid, Tid tid, const Registers& regs) {
  Process& p = process(pid);
  std::vector<RawFrame> raw;
  std::vector<FrameInfo> infos;
  int located = -1;  // the first located user frame
  const unsigned wanted = std::min(options.frames, kMaxFrames);
  auto more = [&](const std::vector<RawFrame>& frames) {
    infos.push_back(classify(p, frames.back()));
    if (located < 0 && infos.back().located) located = static_cast<int>(infos.size()) - 1;
    // Enough once the user frame and the frame that called it are in, and the frames
    // asked for; without a located user frame, the whole stack.
    if (located < 0) return true;
    const auto need = std::max<std::size_t>(static_cast<std::size_t>(located) + 2, wanted);
    return frames.size() < need;
  };
  const bool unwound = p.unwinder.unwind(p.view, tid.value, regs, raw, more, kMaxFrames);
  if (!unwound) {
    ++counters["source.unwind_failed"];
    return std::nullopt;
  }

  // The user frame: the innermost located one, else the innermost user frame of an
  // image without debug info (named from its symbol table, or module+offset).
  int user = located;
  if (user < 0) {
    for (std::size_t i = 0; i < infos.size(); ++i) {
      if (infos[i].bare) {
        user = static_cast<int>(i);
        break;
      }
    }
  }

  // Logical frames (inlined calls expanded) for what is needed: the user frame and its
  // caller, and the first `wanted` ones. System frames below the user frame are not
  // resolved unless asked for (their debug info, libc6-dbg's say, is large).
  const std::size_t needed_raw =
      std::max<std::size_t>(user >= 0 ? static_cast<std::size_t>(user) + 2 : 0, wanted);
  const std::size_t first_raw = wanted > 0 || user < 0 ? 0 : static_cast<std::size_t>(user);
  std::vector<SourceFrame> logical;
  std::size_t user_logical = 0;
  for (std::size_t i = first_raw; i < infos.size() && i < needed_raw; ++i) {
    const FrameInfo& info = infos[i];
    if (static_cast<int>(i) == user) user_logical = logical.size() + info.first_logical;
    SourceFrame base;
    base.module = info.image != nullptr ? info.image->path : std::string();
    base.offset = info.link_ip;
    const std::vector<ResolvedFrame> none;
    // A system image's debug info (libc6-dbg: ~80 ms to open) only when frames are asked
    // for; the caller of a user frame is named from the symbol table there.
    const bool dwarf = wanted > 0 || info.user;
    const std::vector<ResolvedFrame>& resolved =
        info.image != nullptr ? cache.resolve(*info.image, info.link_pc, dwarf) : none;
    if (resolved.empty()) {
      logical.push_back(base);
      continue;
    }
    for (const ResolvedFrame& r : resolved) {
      SourceFrame f = base;
      f.file = r.file;
      f.line = r.line;
      f.function = r.function;
      f.inlined = r.inlined;
      logical.push_back(std::move(f));
    }
  }

  if (user < 0 && wanted == 0) {
    ++counters["source.no_user_frame"];
    return std::nullopt;
  }
  SourceLocation loc;
  if (user >= 0) {
    const SourceFrame& u = logical[user_logical];
    loc.file = u.file;
    loc.line = u.line;
    loc.function = u.function;
    loc.module = u.module;
    loc.offset = u.offset;
    if (user_logical + 1 < logical.size()) loc.caller = logical[user_logical + 1].function;
  } else {
    ++counters["source.no_user_frame"];
  }
  if (wanted > 0) {
    logical.resize(std::min<std::size_t>(logical.size(), wanted));
    loc.frames = std::move(logical);
  }
  return loc;
}

Correlator::Correlator(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Correlator::~Correlator() = default;

std::optional<SourceLocation> Correlator::locate(Pid pid, Tid tid, const Registers& regs) {
  return impl_->locate(pid, tid, regs);
}

void Correlator::exec(Pid pid) {
  impl_->processes.erase(pid.value);
}

void Correlator::exit(Pid pid) {
  impl_->processes.erase(pid.value);
}

void Correlator::unmapped(Pid pid, std::uint64_t start, std::uint64_t length) {
  auto it = impl_->processes.find(pid.value);
  if (it == impl_->processes.end()) return;
  Impl::Process& p = *it->second;
  if (!p.view.overlaps_code(start, start + length)) return;  // heap, stacks, buffers
  p.view.invalidate();
  p.unwinder.flush();
}

void Correlator::code_mapped(Pid pid) {
  auto it = impl_->processes.find(pid.value);
  if (it == impl_->processes.end()) return;
  it->second->view.invalidate();
}

Counters Correlator::take_counters() {
  Counters out = std::move(impl_->counters);
  impl_->counters.clear();
  return out;
}

std::vector<std::string> Correlator::images_without_debug_info() const {
  return {impl_->without_debug.begin(), impl_->without_debug.end()};
}

}  // namespace golden::source
