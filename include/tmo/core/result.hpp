// tmo/core/result.hpp: tmo::result<T>, a value or a tmo::error (a small std::expected).
#pragma once

#include <tmo/core/error.hpp>

#include <type_traits>
#include <utility>
#include <variant>

namespace tmo {
inline namespace v1 {

/// Wraps an error so that `return tmo::unexpected(err);` converts to any result<T>.
struct unexpected {
    tmo::error error;
    explicit unexpected(tmo::error e) : error(std::move(e)) {}
    unexpected(errc code, std::string message, source_location where = {})
        : error(code, std::move(message), std::move(where)) {}
};

/// Either a T or a tmo::error. Accessing the value of a result that holds an error throws tmo::error_exception;
/// accessing the error of a result that holds a value is a precondition violation (checked: throws std::logic_error).
template <class T>
class [[nodiscard]] result {
    static_assert(!std::is_reference_v<T>, "result<T&> is not supported");

public:
    result(const T& value) : state_(std::in_place_index<0>, value) {}
    result(T&& value) : state_(std::in_place_index<0>, std::move(value)) {}
    template <class U>
        requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, result> &&
                 !std::is_same_v<std::remove_cvref_t<U>, unexpected> && !std::is_same_v<std::remove_cvref_t<U>, T>)
    result(U&& value) : state_(std::in_place_index<0>, std::forward<U>(value)) {}
    result(unexpected e) : state_(std::in_place_index<1>, std::move(e.error)) {}

    [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return has_value(); }

    [[nodiscard]] T& value() & { check(); return std::get<0>(state_); }
    [[nodiscard]] const T& value() const& { check(); return std::get<0>(state_); }
    [[nodiscard]] T&& value() && { check(); return std::get<0>(std::move(state_)); }

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    [[nodiscard]] const tmo::error& error() const {
        if (has_value()) throw std::logic_error("tmo::result::error() called on a value");
        return std::get<1>(state_);
    }

    template <class U>
    [[nodiscard]] T value_or(U&& fallback) const& {
        return has_value() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
    }

private:
    void check() const {
        if (!has_value()) throw error_exception(std::get<1>(state_));
    }
    std::variant<T, tmo::error> state_;
};

/// result<void>: success or an error.
template <>
class [[nodiscard]] result<void> {
public:
    result() = default;
    result(unexpected e) : error_(std::move(e.error)), failed_(true) {}

    [[nodiscard]] bool has_value() const noexcept { return !failed_; }
    explicit operator bool() const noexcept { return has_value(); }
    void value() const {
        if (failed_) throw error_exception(error_);
    }
    [[nodiscard]] const tmo::error& error() const {
        if (!failed_) throw std::logic_error("tmo::result::error() called on a value");
        return error_;
    }

private:
    tmo::error error_;
    bool failed_ = false;
};

}  // namespace v1
}  // namespace tmo
