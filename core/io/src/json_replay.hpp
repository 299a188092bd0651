// Feeds a parsed JSON DOM value to a SAX handler, as Json::sax_parse would feed its text.
// The record decoder is written once, against the SAX interface; records that only exist
// as a DOM (a reformatted document, parsed whole) reach it through this.
#pragma once

#include <string>
#include <vector>

#include "json_values.hpp"

namespace golden::io_detail {

// Emits `v` and everything inside it. Iterative, not recursive: an unknown field may
// nest arbitrarily deep, and the DOM parser accepted it without using the stack either.
template <class Sax>
bool replay_value(const Json& root, Sax& sax) {
  struct Open {
    const Json* container;
    Json::const_iterator next;
  };
  std::vector<Open> open;
  const Json* v = &root;
  for (;;) {
    bool ok = true;
    switch (v->type()) {
      case Json::value_t::object:
        ok = sax.start_object(v->size());
        open.push_back({v, v->cbegin()});
        break;
      case Json::value_t::array:
        ok = sax.start_array(v->size());
        open.push_back({v, v->cbegin()});
        break;
      case Json::value_t::boolean:
        ok = sax.boolean(v->get<bool>());
        break;
      case Json::value_t::number_integer:
        ok = sax.number_integer(v->get<std::int64_t>());
        break;
      case Json::value_t::number_unsigned:
        ok = sax.number_unsigned(v->get<std::uint64_t>());
        break;
      case Json::value_t::number_float:
        ok = sax.number_float(v->get<double>(), v->dump());
        break;
      case Json::value_t::string: {
        std::string s = v->get<std::string>();  // the SAX interface takes a mutable string
        ok = sax.string(s);
        break;
      }
      default:
        ok = sax.null();
        break;  // null; binary and discarded never come from text
    }
    if (!ok) return false;
    // Close finished containers, then move to the next value (after its key, in an object).
    for (;;) {
      if (open.empty()) return true;
      Open& top = open.back();
      if (top.next == top.container->cend()) {
        ok = top.container->is_object() ? sax.end_object() : sax.end_array();
        open.pop_back();
        if (!ok) return false;
        continue;
      }
      if (top.container->is_object()) {
        std::string k = top.next.key();
        if (!sax.key(k)) return false;
      }
      v = &*top.next;
      ++top.next;
      break;
    }
  }
}

// A record object, with its "type" key first (wherever the DOM has it): the decoder needs
// the type before it can read any other key.
template <class Sax>
bool replay_record(const Json& record, Sax& sax) {
  if (!record.is_object()) return replay_value(record, sax);
  if (!sax.start_object(record.size())) return false;
  auto type = record.find("type");
  if (type != record.end()) {
    std::string k = "type";
    if (!sax.key(k) || !replay_value(*type, sax)) return false;
  }
  for (auto it = record.cbegin(); it != record.cend(); ++it) {
    if (it == type) continue;
    std::string k = it.key();
    if (!sax.key(k) || !replay_value(*it, sax)) return false;
  }
  return sax.end_object();
}

}  // namespace golden::io_detail
