// A progress line for long work (a large Add1 completion, a large count): shown on standard error only when it is a
// terminal, so that scripts, pipes and tests never see it.
#pragma once

#include <chrono>
#include <string>

namespace tmo_tool {

/// One line of progress on standard error, rewritten in place. Decides once, when made, whether standard error is
/// a terminal; when it is not, show() and the destructor write nothing. When it is, show() rewrites the line at
/// most every 200 ms (so a fast loop costs nothing) and the destructor clears it, leaving the terminal as it was.
class progress_line {
public:
    progress_line();
    ~progress_line() { clear(); }
    progress_line(const progress_line&) = delete;
    progress_line& operator=(const progress_line&) = delete;

    /// True when standard error is a terminal: the line will be shown.
    [[nodiscard]] bool active() const noexcept { return active_; }
    /// Shows `text` ("add1: run 12, budget 1,234,000…") unless a line was shown less than 200 ms ago; `force`
    /// shows it anyway (a first "counting…" line before long silent work).
    void show(const std::string& text, bool force = false);
    /// Erases the line, if one is shown, before the work's result is printed.
    void clear();

private:
    bool active_ = false;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace tmo_tool
