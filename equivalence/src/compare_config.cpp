// Parsing [compare] with toml++. Every error names file:line (SPEC §11): a typo in a
// key must not silently weaken a comparison, so unknown keys are errors too.
#include "golden/equivalence/compare_config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <toml++/toml.h>

#include "golden/io/config_text.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {
namespace {

std::string where_of(std::string_view name, const toml::source_region& src) {
  if (src.begin.line == 0) return std::string(name);
  return fmt::format("{}:{}", name, src.begin.line);
}

struct Parser {
  std::string_view name;

  Error error(const toml::node& node, std::string message) const {
    return Error{std::move(message), where_of(name, node.source())};
  }

  Result<bool> boolean(const toml::node& node, std::string_view key) const {
    if (auto v = node.value<bool>()) return *v;
    return error(node, fmt::format("'{}' must be true or false", key));
  }

  Result<std::vector<std::string>> strings(const toml::node& node, std::string_view key,
                                           bool allow_single = false) const {
    std::vector<std::string> out;
    if (allow_single) {
      if (auto s = node.value<std::string>()) return std::vector<std::string>{*s};
    }
    const toml::array* arr = node.as_array();
    if (arr == nullptr) return error(node, fmt::format("'{}' must be an array of strings", key));
    for (const toml::node& el : *arr) {
      auto s = el.value<std::string>();
      if (!s) return error(el, fmt::format("'{}' must contain only strings", key));
      out.push_back(*s);
    }
    return out;
  }

  Result<std::vector<Category>> categories(const toml::node& node, std::string_view key) const {
    auto names = strings(node, key, true);
    if (!names) return names.error();
    std::vector<Category> out;
    for (const std::string& n : *names) {
      auto cats = categories_from_string(n);
      if (cats.empty()) {
        std::string valid;
        for (Category c : kAllCategories) valid += fmt::format("{}, ", to_string(c));
        return error(node, fmt::format("unknown effect kind '{}' in '{}' (one of: {}files)", n,
                                       key, valid));
      }
      out.insert(out.end(), cats.begin(), cats.end());
    }
    return out;
  }

  // Class names ("file", "%file"); `names` may also hold syscall names.
  Status syscalls(const toml::node& node, std::string_view key, bool classes_only,
                  std::uint16_t& classes, std::vector<std::string>& names) const {
    auto list = strings(node, key);
    if (!list) return list.error();
    for (const std::string& s : *list) {
      if (auto c = class_from_name(s); c && (classes_only || s.starts_with('%'))) {
        classes = static_cast<std::uint16_t>(classes | *c);
      } else if (!classes_only && !s.starts_with('%') && syscall_by_name(s) != nullptr) {
        names.push_back(s);
      } else {
        return error(node, fmt::format("unknown syscall {} '{}' in '{}'",
                                       classes_only || s.starts_with('%') ? "class" : "name", s,
                                       key));
      }
    }
    return Ok{};
  }

  Result<AllowRule> allow_rule(const toml::table& t) const {
    AllowRule rule;
    rule.where = where_of(name, t.source());
    for (const auto& [k, v] : t) {
      const std::string_view key = k.str();
      if (key == "category" || key == "categories") {
        auto c = categories(v, key);
        if (!c) return c.error();
        rule.categories = *c;
      } else if (key == "paths" || key == "path") {
        auto p = strings(v, key, true);
        if (!p) return p.error();
        rule.paths = *p;
      } else if (key == "processes" || key == "process") {
        auto p = strings(v, key, true);
        if (!p) return p.error();
        rule.processes = *p;
      } else if (key == "side") {
        auto s = v.value<std::string>();
        if (s == "a" || s == "A") rule.side = Side::A;
        else if (s == "b" || s == "B") rule.side = Side::B;
        else if (s == "either" || s == "both") rule.side = Side::Either;
        else return error(v, "'side' must be \"a\", \"b\" or \"either\"");
      } else if (key == "reason") {
        auto s = v.value<std::string>();
        if (!s) return error(v, "'reason' must be a string");
        rule.reason = *s;
      } else {
        return Error{fmt::format("unknown key '{}' in [[compare.allow]] (category, paths, "
                                 "processes, side, reason)",
                                 key),
                     where_of(name, k.source())};
      }
    }
    if (rule.categories.empty() && rule.paths.empty() && rule.processes.empty())
      return Error{"an allow rule must name a category, paths or processes (it would accept "
                   "every divergence)",
                   rule.where};
    return rule;
  }

  Status templates(const toml::table& t, CompareConfig& config) const {
    for (const auto& [k, v] : t) {
      std::string tname(k.str());
      if (tname.starts_with('$')) tname.erase(0, 1);
      bool ok = !tname.empty();
      for (char c : tname) ok = ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
      if (!ok)
        return Error{fmt::format("template name '{}' must be upper case letters, digits, _",
                                 k.str()),
                     where_of(name, k.source())};
      auto glob = v.value<std::string>();
      if (!glob || glob->empty() || glob->front() != '/')
        return error(v, fmt::format("template '{}' must be an absolute path glob", k.str()));
      config.templates.push_back({tname, *glob});
    }
    return Ok{};
  }

  Result<CompareConfig> parse(const toml::table& root) const {
    CompareConfig config;
    config.source = std::string(name);
    const toml::node* section = root.get("compare");
    if (section == nullptr) return config;
    const toml::table* t = section->as_table();
    if (t == nullptr) return error(*section, "'compare' must be a table ([compare])");
    for (const auto& [k, v] : *t) {
      const std::string_view key = k.str();
      Status st = Ok{};
      if (key == "ignore_paths") {
        auto r = strings(v, key);
        if (!r) return r.error();
        config.ignore_paths = *r;
      } else if (key == "relax") {
        auto r = categories(v, key);
        if (!r) return r.error();
        config.relax.insert(r->begin(), r->end());
      } else if (key == "root_exec" || key == "noise" || key == "forks" ||
                 key == "template_content" || key == "strict_files") {
        auto r = boolean(v, key);
        if (!r) return r.error();
        (key == "root_exec"      ? config.root_exec
         : key == "noise"        ? config.noise
         : key == "forks"        ? config.forks
         : key == "strict_files" ? config.strict_files
                                 : config.template_content) = *r;
      } else if (key == "include_classes") {
        st = syscalls(v, key, true, config.include_classes, config.include_syscalls);
      } else if (key == "exclude_classes") {
        st = syscalls(v, key, true, config.exclude_classes, config.exclude_syscalls);
      } else if (key == "include_syscalls") {
        st = syscalls(v, key, false, config.include_classes, config.include_syscalls);
      } else if (key == "exclude_syscalls") {
        st = syscalls(v, key, false, config.exclude_classes, config.exclude_syscalls);
      } else if (key == "tmp_dirs" || key == "home_dirs" || key == "noise_paths") {
        auto r = strings(v, key);
        if (!r) return r.error();
        for (const std::string& p : *r)
          if (p.empty() || p.front() != '/')
            return error(v, fmt::format("'{}' entries must be absolute paths: '{}'", key, p));
        (key == "tmp_dirs" ? config.tmp_dirs : key == "home_dirs" ? config.home_dirs
                                                                  : config.noise_paths) = *r;
      } else if (key == "context") {
        auto n = v.value<std::int64_t>();
        if (!n || *n < 0 || *n > 1000) return error(v, "'context' must be an integer 0..1000");
        config.context = static_cast<int>(*n);
      } else if (key == "templates") {
        const toml::table* tt = v.as_table();
        if (tt == nullptr) return error(v, "'templates' must be a table of NAME = \"glob\"");
        st = templates(*tt, config);
      } else if (key == "allow") {
        const toml::array* arr = v.as_array();
        if (arr == nullptr) return error(v, "'allow' must be an array of tables ([[compare.allow]])");
        for (const toml::node& el : *arr) {
          const toml::table* rt = el.as_table();
          if (rt == nullptr) return error(el, "each [[compare.allow]] entry must be a table");
          auto rule = allow_rule(*rt);
          if (!rule) return rule.error();
          config.allow.push_back(std::move(*rule));
        }
      } else {
        return Error{fmt::format("unknown key '{}' in [compare] (see docs/compare.md)", key),
                     where_of(name, k.source())};
      }
      if (!st) return st.error();
    }
    return config;
  }
};

}  // namespace

Result<CompareConfig> parse_compare_config(std::string_view text, std::string_view name) {
  if (Status deep = check_toml_key_depth(text, name); !deep) return deep.error();
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    return Error{std::string(e.description()),
                 b.line == 0 ? std::string(name) : fmt::format("{}:{}:{}", name, b.line, b.column)};
  }
  return Parser{name}.parse(root);
}

void add_environment_defaults(CompareConfig& config) {
  auto add = [](std::vector<std::string>& list, const char* value) {
    if (value == nullptr || value[0] != '/' || std::string_view(value) == "/") return;
    std::string v(value);
    while (v.size() > 1 && v.back() == '/') v.pop_back();
    if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
  };
  add(config.home_dirs, std::getenv("HOME"));
  add(config.tmp_dirs, std::getenv("TMPDIR"));
}

Result<CompareConfig> load_compare_config(const std::string& path) {
  auto text = read_text_file(path, kMaxConfigBytes, "the config file");
  if (!text) return text.error();
  return parse_compare_config(*text, path);
}

}  // namespace golden
