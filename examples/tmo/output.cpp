// The --output sink shared by the subcommands (output.hpp).
#include "output.hpp"

#include "commands.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace tmo_tool {

namespace {

namespace fs = std::filesystem;

bool cannot_write(const std::string& path, const std::string& reason) {
    std::cerr << "tmo: error: cannot write " << path << ": " << reason << '\n';
    return false;
}

// Restores std::cout's buffer however the subcommand ends (it may throw).
class capture_cout {
public:
    capture_cout() : saved_(std::cout.rdbuf(text_.rdbuf())) {}
    ~capture_cout() { std::cout.rdbuf(saved_); }
    capture_cout(const capture_cout&) = delete;
    capture_cout& operator=(const capture_cout&) = delete;
    [[nodiscard]] std::string text() const { return text_.str(); }

private:
    std::ostringstream text_;
    std::streambuf* saved_;
};

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view text) {
    const fs::path target(path);
    if (target.filename().empty()) return cannot_write(path, "not a file name");
    // The temporary file sits beside the target (a rename across file systems would not be atomic); its name is
    // unique to this process.
    const fs::path temporary =
        target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return cannot_write(path, std::strerror(errno));
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            return cannot_write(path, "the write failed");
        }
    }
    std::error_code renamed;
    fs::rename(temporary, target, renamed);
    if (renamed) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return cannot_write(path, renamed.message());
    }
    return true;
}

int with_output(const std::string& path, const std::function<int()>& run) {
    if (path.empty()) return run();
    std::string text;
    int status = exit_ok;
    {
        capture_cout capture;
        status = run();
        text = capture.text();
    }
    if (status == exit_bad_input) return status;
    return write_file_atomically(path, text) ? status : exit_bad_input;
}

void run_with_output(CLI::App& sub, int& status, std::function<int()> run) {
    auto path = std::make_shared<std::string>();
    sub.add_option("--output", *path, "Write the report to FILE (atomically) instead of standard output")
        ->option_text("FILE");
    sub.callback([path, run = std::move(run), &status] { status = with_output(*path, run); });
}

}  // namespace tmo_tool
