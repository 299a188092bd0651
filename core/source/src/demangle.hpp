// Function names as users read them: C++ symbols demangled, without the parameter list
// and qualifiers ("app::Config::load", "std::vector<int>::push_back"), so that overloads
// of one function group together and names stay short; C names as they are.
#pragma once

#include <string>
#include <string_view>

namespace golden::source {

std::string readable_function_name(std::string_view symbol);

// "f(int) const" -> "f"; "operator()(int)" -> "operator()"; no parameter list: as is.
std::string strip_parameters(std::string_view demangled);

}  // namespace golden::source
