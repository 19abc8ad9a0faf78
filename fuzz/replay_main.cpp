// fuzz/replay_main.cpp: a plain main() for a fuzz target, so that any compiler's build replays the corpus and the crash
// inputs as an ordinary test. Each argument is a file or a directory (every regular file in it, in name order); each
// file is fed once to LLVMFuzzerTestOneInput, which aborts on a broken invariant.
#include "fuzz.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace {

int replay(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.string().c_str());
        return 1;
    }
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::fprintf(stderr, "%s (%zu bytes)\n", file.string().c_str(), bytes.size());
    (void)LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int failures = 0;
    std::size_t files = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg = argv[i];
        std::vector<std::filesystem::path> inputs;
        if (std::filesystem::is_directory(arg)) {
            for (const auto& entry : std::filesystem::directory_iterator(arg)) {
                if (entry.is_regular_file() && entry.path().filename() != "README.md") inputs.push_back(entry.path());
            }
            std::sort(inputs.begin(), inputs.end());
        } else if (std::filesystem::exists(arg)) {
            inputs.push_back(arg);
        }
        for (const auto& file : inputs) {
            failures += replay(file);
            ++files;
        }
    }
    std::printf("replayed %zu inputs\n", files);
    if (files == 0) std::fprintf(stderr, "no inputs: the corpus is missing\n");
    return failures == 0 && files > 0 ? 0 : 1;
}
