// SPDX-License-Identifier: MIT
// The int16 real FFT of tflite-micro's SignalRfft: kissfft's fixed-point (Q15) arithmetic, where every
// butterfly stage divides by its radix with a rounded multiply, so the result is about DFT / length.
// The rounding inside each stage is part of the result, so the stage order, the radix factorisation,
// the twiddle quantisation and the real-FFT post-processing all follow kissfft (v130, as tflite-micro
// pins it) exactly. Written from the description in notes/signal_ops.md §6.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ql::exec::signal {

class Q15RealFft {
public:
    // Why `fftLength` cannot run, or nothing. It must be even and at least 4, and half of it may have
    // no prime factor above 5: kissfft's generic butterfly for other radices needs a scratch buffer
    // that tflite-micro's build of kissfft never allocates (it writes through a null pointer).
    static std::optional<std::string> unsupportedLength(std::int64_t fftLength);
    static constexpr std::int64_t kMaxLength = 1 << 16;

    explicit Q15RealFft(int fftLength); // a supported length
    int length() const { return 2 * m_n; }

    // in: length() samples; out: length() + 2 values, (re, im) of bins 0 ... length() / 2.
    void apply(const std::int16_t* in, std::int16_t* out) const;

    struct Cpx {
        std::int16_t r, i;
    };
    // The quantised tables, for tests.
    const std::vector<Cpx>& twiddles() const { return m_twiddles; }
    const std::vector<Cpx>& superTwiddles() const { return m_super; }
    // (radix, remaining length) per stage.
    const std::vector<std::pair<int, int>>& stages() const { return m_stages; }

private:
    void transform(Cpx* out, const Cpx* in, int inPos, int stride, std::size_t level) const;
    void butterfly2(Cpx* f, int stride, int m) const;
    void butterfly3(Cpx* f, int stride, int m) const;
    void butterfly4(Cpx* f, int stride, int m) const;
    void butterfly5(Cpx* f, int stride, int m) const;

    int m_n = 0; // points of the complex FFT: half the real length
    std::vector<Cpx> m_twiddles; // m_n
    std::vector<Cpx> m_super; // m_n / 2
    std::vector<std::pair<int, int>> m_stages;
};

} // namespace ql::exec::signal
