#pragma once
// The one error type for bad user input: it names the file, and its what() is the line the user
// sees after "storyplot: " ("PATH: what is wrong").
#include <stdexcept>
#include <string>

namespace storyplot {

class InputError : public std::runtime_error {
public:
    InputError(const std::string& path, const std::string& problem)
        : std::runtime_error(path.empty() ? problem : path + ": " + problem), m_path(path), m_problem(problem) {}

    const std::string& path() const { return m_path; }
    const std::string& problem() const { return m_problem; }

private:
    std::string m_path;
    std::string m_problem;
};

}  // namespace storyplot
