// SPDX-License-Identifier: MIT
// Errors as values: a Result<T> holds either a T or an Error whose message names the file,
// tensor or operator and the bad value. Nothing in the engine throws across its API.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace ql {

struct Error {
    std::string message;
};

// Prefixes an error with where it happened ("model.tflite: tensor 3: ...").
inline Error withContext(const std::string& context, Error e)
{
    return Error{context + ": " + e.message};
}

template <class T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_v(std::move(value))
    {
    } // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_v(std::move(error))
    {
    } // NOLINT(google-explicit-constructor)

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(m_v);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_v);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_v));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const
    {
        assert(!ok());
        return std::get<1>(m_v);
    }

private:
    std::variant<T, Error> m_v;
};

// Result<void>: success or an Error.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {
    } // NOLINT(google-explicit-constructor)
    static Status success() { return {}; }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const
    {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace ql
