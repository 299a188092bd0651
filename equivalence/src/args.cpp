#include "args.hpp"

#include <fcntl.h>

#include <cerrno>
#include <charconv>
#include <cstring>

namespace golden::eqv {

const Arg* arg_named(const Event& e, std::string_view name) {
  for (const Arg& a : e.args)
    if (a.name == name) return &a;
  return nullptr;
}

const Arg* nth_arg(const Event& e, ArgKind kind, int n) {
  for (const Arg& a : e.args)
    if (a.kind == kind && n-- == 0) return &a;
  return nullptr;
}

const Arg* find_arg(const Event& e, std::string_view name, ArgKind kind, int n) {
  if (const Arg* a = arg_named(e, name)) return a;
  return nth_arg(e, kind, n);
}

const std::string& path_of(const Arg* a) {
  static const std::string kNone;
  return a == nullptr ? kNone : a->str;
}

std::optional<std::int64_t> int_of(const Arg* a) {
  if (a == nullptr) return std::nullopt;
  return a->raw;
}

std::string signal_text(const Arg* a) {
  if (a == nullptr) return "?";
  if (!a->text.empty() && a->text.starts_with("SIG")) return a->text;
  return signal_name(static_cast<int>(a->raw));
}

std::vector<std::int64_t> fd_pair(const Arg* a) {
  std::vector<std::int64_t> out;
  if (a == nullptr) return out;
  auto parse_all = [&](std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      if (s[i] >= '0' && s[i] <= '9') {
        std::int64_t v = 0;
        auto [p, ec] = std::from_chars(s.data() + i, s.data() + s.size(), v);
        if (ec == std::errc{}) out.push_back(v);
        i = static_cast<std::size_t>(p - s.data());
        // Skip an fd's "<pipe:[123]>" annotation: its digits are not fds.
        if (i < s.size() && s[i] == '<') {
          std::size_t close = s.find('>', i);
          i = close == std::string_view::npos ? s.size() : close + 1;
        }
      } else {
        ++i;
      }
    }
  };
  if (!a->list.empty()) {
    for (const std::string& s : a->list) parse_all(s);
  } else {
    parse_all(a->text);
  }
  if (out.size() > 2) out.resize(2);
  return out;
}

namespace {

struct FlagName {
  std::string_view name;
  std::int64_t value;
};

constexpr FlagName kOpenFlags[] = {
    {"O_RDONLY", O_RDONLY},   {"O_WRONLY", O_WRONLY},       {"O_RDWR", O_RDWR},
    {"O_CREAT", O_CREAT},     {"O_EXCL", O_EXCL},           {"O_NOCTTY", O_NOCTTY},
    {"O_TRUNC", O_TRUNC},     {"O_APPEND", O_APPEND},       {"O_NONBLOCK", O_NONBLOCK},
    {"O_DSYNC", O_DSYNC},     {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW},
    {"O_CLOEXEC", O_CLOEXEC}, {"O_SYNC", O_SYNC},           {"O_PATH", O_PATH},
    {"O_TMPFILE", O_TMPFILE}, {"O_LARGEFILE", 0},           {"O_NOATIME", O_NOATIME},
};

std::optional<std::string_view> field(const Arg* a, std::string_view key) {
  if (a == nullptr) return std::nullopt;
  std::string_view t = a->text;
  std::size_t p = t.find(key);
  if (p == std::string_view::npos) return std::nullopt;
  t.remove_prefix(p + key.size());
  std::size_t end = t.find_first_of(",}");
  return t.substr(0, end);
}

}  // namespace

std::optional<std::int64_t> open_how_flags(const Arg* a) {
  auto f = field(a, "flags=");
  if (!f) return std::nullopt;
  std::int64_t flags = 0;
  std::string_view s = *f;
  while (!s.empty()) {
    std::size_t bar = s.find('|');
    std::string_view tok = s.substr(0, bar);
    s = bar == std::string_view::npos ? std::string_view{} : s.substr(bar + 1);
    bool known = false;
    for (const FlagName& fl : kOpenFlags)
      if (fl.name == tok) {
        flags |= fl.value;
        known = true;
      }
    if (!known && !tok.empty()) {
      std::int64_t v = 0;
      int base = tok.starts_with("0x") ? 16 : (tok.starts_with('0') ? 8 : 10);
      if (base == 16) tok.remove_prefix(2);
      auto [p, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v, base);
      if (ec == std::errc{}) flags |= v;
    }
  }
  return flags;
}

std::optional<std::int64_t> open_how_mode(const Arg* a) {
  auto f = field(a, "mode=");
  if (!f) return std::nullopt;
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(f->data(), f->data() + f->size(), v, 8);
  if (ec != std::errc{}) return std::nullopt;
  return v;
}

bool is_retry_errno(int err) {
  return err == EINTR || err == EAGAIN || err == 512 || err == 513 || err == 514 || err == 516;
}

}  // namespace golden::eqv
