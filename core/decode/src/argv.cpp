// execve's argv (every string, within sane caps) and envp (counted only, as strace does
// by default: the environment is large and mostly noise).
#include <vector>

#include "decode_context.hpp"
#include "flags_render.hpp"
#include "golden/model/escape.hpp"

namespace golden::detail {
namespace {

constexpr std::size_t kMaxArgs = 4096;       // argv entries kept
constexpr std::size_t kMaxArgLen = 4096;     // bytes kept per argv string
constexpr std::size_t kMaxEnvCount = 65536;  // envp entries counted

// Calls `each(pointer)` for the pointers of a NULL-terminated array, reading 64 at a
// time; stops at NULL, after `max` entries, or when `each` returns false. Returns false
// when the array itself could not be read at all.
template <class Fn>
bool for_each_pointer(TraceeMemory& mem, std::uint64_t addr, std::size_t max, bool* capped, Fn each) {
  std::uint64_t chunk[64];
  std::size_t seen = 0;
  *capped = false;
  for (;;) {
    const std::size_t got = mem.read(RemoteAddr{addr + seen * 8}, chunk, sizeof chunk) / 8;
    if (got == 0) {
      if (seen == 0) return false;
      // The first read may stop at an unmapped page: retry pointer by pointer there.
      std::uint64_t one = 0;
      if (mem.read(RemoteAddr{addr + seen * 8}, &one, 8) != 8) return true;
      if (one == 0) return true;
      if (seen == max) {
        *capped = true;
        return true;
      }
      if (!each(one)) return true;
      ++seen;
      continue;
    }
    for (std::size_t k = 0; k < got; ++k) {
      if (chunk[k] == 0) return true;
      if (seen == max) {
        *capped = true;
        return true;
      }
      if (!each(chunk[k])) return true;
      ++seen;
    }
  }
}

}  // namespace

Arg argv_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr) {
  Arg a = make_arg(name, ArgKind::Argv, static_cast<std::int64_t>(addr));
  if (addr == 0) {
    a.kind = ArgKind::Ptr;
    a.text = "NULL";
    return a;
  }
  std::vector<std::string> shown;  // per-element text, when it differs from the plain quote
  bool irregular = false;
  bool capped = false;
  const bool readable = for_each_pointer(ctx.mem, addr, kMaxArgs, &capped, [&](std::uint64_t p) {
    bool truncated = false;
    auto s = ctx.mem.read_string(RemoteAddr{p}, kMaxArgLen, &truncated);
    if (!s) {
      irregular = true;
      a.list.emplace_back();
      shown.push_back(address_text(p));
      return true;
    }
    irregular = irregular || truncated;
    shown.push_back(quote_bytes(*s, truncated));
    a.list.push_back(std::move(*s));
    return true;
  });
  if (!readable) {
    a.kind = ArgKind::Ptr;
    a.list.clear();
    a.text = address_text(addr);
    return a;
  }
  if (!irregular && !capped) {
    a.text = conventional_text(a);
    return a;
  }
  a.text = "[";
  for (std::size_t k = 0; k < shown.size(); ++k) a.text += (k ? ", " : "") + shown[k];
  a.text += capped ? ", ...]" : "]";
  return a;
}

Arg envp_arg(const DecodeContext& ctx, std::string_view name, std::uint64_t addr) {
  if (addr == 0) return struct_arg(name, addr, "NULL");
  std::size_t count = 0;
  bool capped = false;
  const bool readable = for_each_pointer(ctx.mem, addr, kMaxEnvCount, &capped, [&](std::uint64_t) {
    ++count;
    return true;
  });
  if (!readable) return struct_arg(name, addr, address_text(addr));
  return struct_arg(name, addr,
                    address_text(addr) + " /* " + std::to_string(count) + (capped ? "+" : "") +
                        (count == 1 ? " var */" : " vars */"));
}

}  // namespace golden::detail
