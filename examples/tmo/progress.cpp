// The progress line (progress.hpp).
#include "progress.hpp"

#include <iostream>
#include <unistd.h>

namespace tmo_tool {

progress_line::progress_line() : active_(::isatty(STDERR_FILENO) == 1) {}

void progress_line::clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;  // back to the start of the line, then erase it
    shown_ = false;
}

void progress_line::show(const std::string& text, bool force) {
    if (!active_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && !force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    std::cerr << "\r\033[K" << text << std::flush;
}

}  // namespace tmo_tool
