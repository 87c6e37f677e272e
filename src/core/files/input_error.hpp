#pragma once
// The one error type for bad user input: it names the file, and its what() is the line the user
// sees after "storyplot: " ("PATH: what is wrong"). The line stays one line of readable length:
// control characters are shown escaped and a long path or value is cut ("…"), whatever the input.
#include <stdexcept>
#include <string>
#include <utility>

namespace storyplot {

// `text` as at most `limit` bytes of one printable line (UTF-8 kept whole, control bytes as \xNN).
std::string printable_excerpt(const std::string& text, std::size_t limit);

// The line and column (in characters, from 1) of the byte at `byte` (from 1) of `text`, for
// "FILE:LINE:COL" messages.
std::pair<int, int> line_and_column(const std::string& text, std::size_t byte);

class InputError : public std::runtime_error {
public:
    InputError(const std::string& path, const std::string& problem)
        : std::runtime_error(path.empty() ? printable_excerpt(problem, 400)
                                          : printable_excerpt(path, 240) + ": " + printable_excerpt(problem, 400)),
          m_path(path), m_problem(problem) {}

    const std::string& path() const { return m_path; }
    const std::string& problem() const { return m_problem; }

private:
    std::string m_path;
    std::string m_problem;
};

// A file that is no story at all (not JSON, or JSON that is not a FeatureCollection with a
// "story" member): another kind of file, which the window may open as a layer instead.
class NotAStoryError : public InputError {
public:
    using InputError::InputError;
};

// A command line that asks for something that cannot be: a bad option value (exit 2).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace storyplot
