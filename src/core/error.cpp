#include <tmo/core/error.hpp>

namespace tmo {
inline namespace v1 {

const char* errc_name(errc code) noexcept {
    switch (code) {
        case errc::ok: return "no error";
        case errc::invalid_argument: return "invalid argument";
        case errc::syntax: return "syntax error";
        case errc::unknown_key: return "unknown key";
        case errc::missing_key: return "missing key";
        case errc::wrong_type: return "wrong type";
        case errc::invalid_value: return "invalid value";
        case errc::io: return "input/output error";
        case errc::too_large: return "input too large";
        case errc::overflow: return "overflow";
        case errc::domain: return "undefined operation";
        case errc::inexact: return "inexact result";
        case errc::no_memory: return "out of memory";
        case errc::not_found: return "not found";
        case errc::internal: return "internal error";
        case errc::code_unknown: return "unknown voter code";
        case errc::code_used: return "voter code already used";
        case errc::closed: return "ballot closed";
        case errc::busy: return "database busy";
        case errc::corrupt: return "database corrupt";
    }
    return "unknown error";
}

std::string error::to_string() const {
    std::string out;
    if (!where_.file.empty()) {
        out += where_.file;
        out += ':';
    }
    if (where_.line != 0) {
        out += std::to_string(where_.line);
        out += ':';
        if (where_.column != 0) {
            out += std::to_string(where_.column);
            out += ':';
        }
    }
    if (!out.empty()) out += ' ';
    out += "error: ";
    out += message_.empty() ? errc_name(code_) : message_;
    if (!where_.key_path.empty()) {
        out += " (at ";
        out += where_.key_path;
        out += ')';
    }
    return out;
}

}  // namespace v1
}  // namespace tmo
