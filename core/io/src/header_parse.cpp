#include "header_parse.hpp"

#include "record_fields.hpp"

namespace golden::io_detail {
namespace {

constexpr int kVersion = 1;
namespace hk = header_keys;

}  // namespace

TraceHeader parse_header(const Json& obj, std::uint64_t& unknown) {
  TraceHeader h;
  auto format = obj.find(hk::kFormat);
  if (format == obj.end() || !format->is_string()) fail("not a trace file: no \"format\" field");
  if (*format != "golden-trace")
    fail("unknown trace format '" + format->get<std::string>() +
         "' (golden reads golden-trace and renacer-json-v1)");
  auto version = obj.find(hk::kVersion);
  if (version == obj.end()) fail("golden-trace header without a \"version\"");
  if (!version->is_number_integer() || *version != kVersion)
    fail("unsupported golden-trace version " + version->dump() + " (this golden reads version " +
         std::to_string(kVersion) + ")");
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    const Json& v = *it;
    if (k == hk::kFormat || k == hk::kVersion || k == hk::kRecords) continue;
    if (k == hk::kTool)
      h.tool = get_bytes(v, hk::kTool);
    else if (k == hk::kFilter)
      h.filter = get_bytes(v, hk::kFilter);
    else if (k == hk::kStringLimit)
      h.string_limit = get_u32(v, hk::kStringLimit);
    else if (k == hk::kHasPids)
      h.has_pids = get_bool(v, hk::kHasPids);
    else if (k == hk::kHasTiming)
      h.has_timing = get_bool(v, hk::kHasTiming);
    else if (k == hk::kHasClocks)
      h.has_clocks = get_bool(v, hk::kHasClocks);
    else
      ++unknown;
  }
  return h;
}

}  // namespace golden::io_detail
