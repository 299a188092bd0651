// Loading renacer.toml: the [[assertion]] array. Each table's common fields are read
// here, its type-specific ones in config_specs.cpp.
#include <fmt/format.h>

#include <set>

#include "config_fields.hpp"
#include "config_specs.hpp"
#include "golden/assertions/config.hpp"
#include "golden/io/config_text.hpp"

namespace golden {
namespace {

using detail::FieldReader;
using detail::where_of;

// Tables other layers own: accepted without a word.
const std::set<std::string_view> kOtherOwners{"compare"};

Result<Assertion> parse_assertion(const toml::table& table, std::string_view file,
                                  std::size_t index) {
  // Name the assertion in messages as soon as its name is known.
  std::string label = fmt::format("assertion #{}", index + 1);
  if (auto n = table.get("name"); n != nullptr && n->is_string())
    label = fmt::format("assertion '{}'", *n->value<std::string>());
  FieldReader f(table, file, label);

  Assertion a;
  a.where = f.table_where();
  a.line = static_cast<int>(table.source().begin.line);
  if (!f.has("name")) f.fail_missing("name");
  a.name = f.string("name").value_or("");
  if (!f.failed() && a.name.empty()) f.fail("name", "'name' must not be empty");
  if (!f.has("type")) f.fail_missing("type");
  const std::string type = f.string("type").value_or("");
  if (f.failed()) return f.error();
  const auto parsed_type = assertion_type_from_string(type);
  if (!parsed_type) {
    f.fail("type", fmt::format("unknown assertion type '{}' (known: critical_path, span_count, "
                               "memory_usage, anti_pattern, wall_time, syscall_count, "
                               "error_count, forbidden, required)",
                               type));
    return f.error();
  }
  a.type = *parsed_type;
  a.description = f.string("description").value_or("");
  a.fail_on_violation = f.boolean("fail_on_violation").value_or(true);
  a.enabled = f.boolean("enabled").value_or(true);
  a.spec = detail::parse_spec(a.type, f);
  if (f.failed()) return f.error();
  return a;
}

}  // namespace

Result<AssertionConfig> parse_assertion_config(std::string_view text, std::string_view name) {
  if (Status deep = check_toml_key_depth(text, name); !deep) return deep.error();
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    const auto& at = e.source().begin;
    return Error{
        std::string(e.description()),
        at.line == 0 ? std::string(name) : fmt::format("{}:{}:{}", name, at.line, at.column)};
  }

  AssertionConfig config;
  config.source = std::string(name);
  std::set<std::string> names;
  for (const auto& [key, node] : root) {
    if (kOtherOwners.contains(key.str())) continue;
    if (key.str() != "assertion") {
      config.warnings.push_back(fmt::format("{}: unknown {} '{}' ignored",
                                            where_of(name, node.source()),
                                            node.is_table() ? "table" : "key", key.str()));
      continue;
    }
    const toml::array* list = node.as_array();
    if (list == nullptr || !list->is_array_of_tables())
      return Error{"'assertion' must be an array of tables: write each one as [[assertion]]",
                   where_of(name, node.source())};
    for (const toml::node& element : *list) {
      auto a = parse_assertion(*element.as_table(), name, config.assertions.size());
      if (!a) return a.error();
      if (!names.insert(a->name).second)
        return Error{fmt::format("assertion '{}': the name is used twice", a->name), a->where};
      config.assertions.push_back(std::move(a).value());
    }
  }
  return config;
}

Result<AssertionConfig> load_assertion_config(const std::string& path) {
  auto text = read_text_file(path, kMaxConfigBytes, "the assertion config");
  if (!text) return text.error();
  return parse_assertion_config(*text, path);
}

}  // namespace golden
