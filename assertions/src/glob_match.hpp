// Shell-style globs for forbidden/required paths and endpoints: `*` and `?` stay inside
// one path component, `**` spans any number of them, `[abc]`/`[!a-z]` are classes.
// "/etc/**" matches /etc itself and everything below it.
#pragma once

#include <string_view>

namespace golden::detail {

bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace golden::detail
