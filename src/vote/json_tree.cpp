#include "json_tree.hpp"
#include "text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>

namespace tmo {
inline namespace v1 {
namespace vote {
namespace detail {

const jnode* jnode::member(std::string_view name) const {
    if (type != kind::object) return nullptr;
    for (const jnode& c : children)
        if (c.key == name) return &c;
    return nullptr;
}

const char* describe(jnode::kind k) noexcept {
    switch (k) {
        case jnode::kind::null: return "null";
        case jnode::kind::boolean: return "true or false";
        case jnode::kind::number: return "a number";
        case jnode::kind::string: return "a string";
        case jnode::kind::array: return "an array";
        case jnode::kind::object: return "an object";
    }
    return "?";
}

namespace {

// A char iterator that records how far nlohmann's lexer has read, so that each SAX event can be located.
class tracking_iterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    tracking_iterator() = default;
    tracking_iterator(const char* at, const char* base, std::size_t* read) : at_(at), base_(base), read_(read) {}
    reference operator*() const { return *at_; }
    tracking_iterator& operator++() {
        ++at_;
        if (read_ != nullptr) *read_ = static_cast<std::size_t>(at_ - base_);
        return *this;
    }
    tracking_iterator operator++(int) {
        tracking_iterator old = *this;
        ++*this;
        return old;
    }
    friend bool operator==(const tracking_iterator& x, const tracking_iterator& y) { return x.at_ == y.at_; }

private:
    const char* at_ = nullptr;
    const char* base_ = nullptr;
    std::size_t* read_ = nullptr;
};

using json = nlohmann::json;

// Builds the jnode tree; each value's offset is the first byte of its token.
class tree_builder {
public:
    tree_builder(std::string_view text, const std::size_t& read, std::size_t max_depth)
        : text_(text), read_(read), max_depth_(max_depth) {}

    bool null() { return add(jnode::kind::null) != nullptr; }
    bool boolean(bool b) {
        jnode* n = add(jnode::kind::boolean);
        if (n == nullptr) return false;
        n->value = b ? 1 : 0;
        return true;
    }
    bool number_integer(json::number_integer_t) { return number(); }
    bool number_unsigned(json::number_unsigned_t v) {
        jnode* n = number();
        if (n == nullptr) return false;
        n->whole = true;
        n->value = v;
        return true;
    }
    bool number_float(json::number_float_t, const std::string&) { return number() != nullptr; }
    bool string(std::string& s) {
        jnode* n = add(jnode::kind::string);
        if (n == nullptr) return false;
        n->text = std::move(s);
        return true;
    }
    bool binary(json::binary_t&) { return false; }
    bool start_object(std::size_t) { return open(jnode::kind::object); }
    bool start_array(std::size_t) { return open(jnode::kind::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        start();
        key_ = std::move(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        error_at_ = position == 0 ? 0 : position - 1;
        // nlohmann's message is "[json.exception.parse_error.101] parse error at line 1, column 2: <what>".
        std::string what = e.what();
        if (auto colon = what.find(": ", what.find("parse error")); colon != std::string::npos)
            what = what.substr(colon + 2);
        message_ = "not JSON: " + what;
        return false;
    }

    jnode root;
    std::size_t error_at_ = 0;
    std::string message_;
    bool too_deep = false;

private:
    // The start of the token just read: after the end of the previous event, past white space, ',' and ':'.
    std::size_t start() {
        std::size_t at = last_;
        while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t' || text_[at] == '\r' ||
                                     text_[at] == '\n' || text_[at] == ',' || text_[at] == ':'))
            ++at;
        last_ = read_;
        return at;
    }

    jnode* add(jnode::kind type) {
        const std::size_t at = start();
        jnode* n = nullptr;
        if (stack_.empty()) {
            n = &root;
        } else {
            stack_.back()->children.emplace_back();
            n = &stack_.back()->children.back();
            if (stack_.back()->type == jnode::kind::object) n->key = std::move(key_);
        }
        n->type = type;
        n->offset = at;
        return n;
    }

    jnode* number() { return add(jnode::kind::number); }

    bool open(jnode::kind type) {
        if (stack_.size() >= max_depth_) {
            too_deep = true;
            error_at_ = read_ == 0 ? 0 : read_ - 1;
            return false;
        }
        jnode* n = add(type);
        stack_.push_back(n);
        return true;
    }

    bool close() {
        last_ = read_;
        stack_.pop_back();
        return true;
    }

    std::string_view text_;
    const std::size_t& read_;
    std::size_t max_depth_;
    std::size_t last_ = 0;
    std::string key_;
    std::vector<jnode*> stack_;  // open containers; a container gets no new sibling while it is open
};

}  // namespace

unexpected json_error(std::string_view text, std::string_view source, errc code, std::string message,
                      std::size_t offset, std::string path) {
    offset = std::min(offset, text.size());
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    const std::uint32_t column = code_points(text.substr(line_start, offset - line_start)) + 1;
    return unexpected(code, std::move(message), source_location{std::string(source), line, column, std::move(path)});
}

result<jnode> parse_json(std::string_view text, std::string_view source, std::size_t max_bytes,
                         std::size_t max_depth) {
    if (text.size() > max_bytes)
        return unexpected(errc::too_large, "the file is larger than " + std::to_string(max_bytes >> 20) + " MiB",
                          source_location{std::string(source), 1, 1, {}});
    if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos)
        return json_error(text, source, errc::syntax, "the text is not UTF-8", bad, {});
    std::size_t skipped = 0;
    if (text.starts_with("\xEF\xBB\xBF")) skipped = 3;  // a byte order mark
    const std::string_view json_text = text.substr(skipped);
    std::size_t read = 0;
    tree_builder builder(json_text, read, max_depth);
    const tracking_iterator first(json_text.data(), json_text.data(), &read);
    const tracking_iterator last(json_text.data() + json_text.size(), json_text.data(), nullptr);
    if (!json::sax_parse(first, last, &builder)) {
        if (builder.too_deep)
            return json_error(text, source, errc::too_large,
                              "arrays and objects nest deeper than " + std::to_string(max_depth) + " levels",
                              skipped + builder.error_at_, {});
        return json_error(text, source, errc::syntax, builder.message_, skipped + builder.error_at_, {});
    }
    if (skipped > 0) {
        std::vector<jnode*> todo{&builder.root};
        while (!todo.empty()) {
            jnode* n = todo.back();
            todo.pop_back();
            n->offset += skipped;
            for (jnode& c : n->children) todo.push_back(&c);
        }
    }
    return std::move(builder.root);
}

}  // namespace detail
}  // namespace vote
}  // namespace v1
}  // namespace tmo
