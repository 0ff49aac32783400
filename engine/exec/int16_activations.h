// SPDX-License-Identifier: MIT
// The int16 logistic and tanh of TFLite's reference kernels (also used by tflite-micro's integer
// LSTM): the input is scaled to units of 1/(3 * 2^12), its magnitude indexes a 256-entry table of
// sigmoid(k / 24) in unsigned 0.16 fixed point, neighbouring entries are interpolated linearly, and
// the sign is applied by symmetry (tanh(x) = 2 sigmoid(2x) - 1 reads the same table at twice the
// step). Outputs are Q0.15.
#pragma once

#include <cstdint>
#include <cstdlib>

namespace ql::exec {

// sigmoid(k / 24) for k = 0..255 in 0.16 fixed point, the runtime's own table (its rounding differs
// from round(65536 * sigmoid(k / 24)) in a few entries, so it is data, not a formula).
inline constexpr std::uint16_t kSigmoidTable16[256] = {
    32768,
    33451,
    34133,
    34813,
    35493,
    36169,
    36843,
    37513,
    38180,
    38841,
    39498,
    40149,
    40794,
    41432,
    42064,
    42688,
    43304,
    43912,
    44511,
    45102,
    45683,
    46255,
    46817,
    47369,
    47911,
    48443,
    48964,
    49475,
    49975,
    50464,
    50942,
    51409,
    51865,
    52311,
    52745,
    53169,
    53581,
    53983,
    54374,
    54755,
    55125,
    55485,
    55834,
    56174,
    56503,
    56823,
    57133,
    57433,
    57724,
    58007,
    58280,
    58544,
    58800,
    59048,
    59288,
    59519,
    59743,
    59959,
    60168,
    60370,
    60565,
    60753,
    60935,
    61110,
    61279,
    61441,
    61599,
    61750,
    61896,
    62036,
    62172,
    62302,
    62428,
    62549,
    62666,
    62778,
    62886,
    62990,
    63090,
    63186,
    63279,
    63368,
    63454,
    63536,
    63615,
    63691,
    63765,
    63835,
    63903,
    63968,
    64030,
    64090,
    64148,
    64204,
    64257,
    64308,
    64357,
    64405,
    64450,
    64494,
    64536,
    64576,
    64614,
    64652,
    64687,
    64721,
    64754,
    64786,
    64816,
    64845,
    64873,
    64900,
    64926,
    64950,
    64974,
    64997,
    65019,
    65039,
    65060,
    65079,
    65097,
    65115,
    65132,
    65149,
    65164,
    65179,
    65194,
    65208,
    65221,
    65234,
    65246,
    65258,
    65269,
    65280,
    65291,
    65301,
    65310,
    65319,
    65328,
    65337,
    65345,
    65352,
    65360,
    65367,
    65374,
    65381,
    65387,
    65393,
    65399,
    65404,
    65410,
    65415,
    65420,
    65425,
    65429,
    65433,
    65438,
    65442,
    65445,
    65449,
    65453,
    65456,
    65459,
    65462,
    65465,
    65468,
    65471,
    65474,
    65476,
    65479,
    65481,
    65483,
    65485,
    65488,
    65489,
    65491,
    65493,
    65495,
    65497,
    65498,
    65500,
    65501,
    65503,
    65504,
    65505,
    65507,
    65508,
    65509,
    65510,
    65511,
    65512,
    65513,
    65514,
    65515,
    65516,
    65517,
    65517,
    65518,
    65519,
    65520,
    65520,
    65521,
    65522,
    65522,
    65523,
    65523,
    65524,
    65524,
    65525,
    65525,
    65526,
    65526,
    65526,
    65527,
    65527,
    65528,
    65528,
    65528,
    65529,
    65529,
    65529,
    65529,
    65530,
    65530,
    65530,
    65530,
    65531,
    65531,
    65531,
    65531,
    65531,
    65532,
    65532,
    65532,
    65532,
    65532,
    65532,
    65533,
    65533,
    65533,
    65533,
    65533,
    65533,
    65533,
    65533,
    65534,
    65534,
    65534,
    65534,
    65534,
    65534,
    65534,
    65534,
    65534,
    65534,
    65535,
};

// How an int16 input is brought to the table's units: (x * multiplier + round) >> shift.
struct Int16ActivationInput {
    std::int32_t multiplier = 3;
    int shift = 0;
};

// Input scale 2^power (a Q(-power) value; the LSTM gates are Q3.12, power -12).
inline Int16ActivationInput int16ActivationInputForPower(int power)
{
    const int shift = 15 + power - 3;
    if (shift >= 0)
        return {3 << shift, 0};
    return {3, -shift};
}

inline std::int32_t scaleInt16ActivationInput(std::int16_t x, const Int16ActivationInput& in)
{
    const std::int32_t round = in.shift > 0 ? std::int32_t{1} << (in.shift - 1) : 0;
    return (static_cast<std::int32_t>(x) * in.multiplier + round) >> in.shift;
}

// sigmoid in Q0.15 of an input already in table units.
inline std::int16_t logisticInt16(std::int32_t v)
{
    const auto magnitude = static_cast<std::uint32_t>(std::abs(v));
    const std::uint32_t index = magnitude >> 9;
    std::uint32_t r = 0;
    if (index >= 255) {
        r = std::uint32_t{0x7FFF} << 10;
    } else {
        const std::uint32_t a = kSigmoidTable16[index], b = kSigmoidTable16[index + 1];
        r = (a << 9) + (magnitude & 0x1FF) * (b - a);
    }
    r = v >= 0 ? r + (1u << 9) : (1u << 25) - r + (1u << 9) - 1;
    return static_cast<std::int16_t>(r >> 10);
}

// tanh in Q0.15 of an input already in table units.
inline std::int16_t tanhInt16(std::int32_t v)
{
    const auto magnitude = static_cast<std::uint32_t>(std::abs(v));
    const std::uint32_t index = magnitude >> 8;
    std::int32_t r = 0;
    if (index >= 255) {
        r = 0xFFFF << 8;
    } else {
        const auto a = static_cast<std::int32_t>(kSigmoidTable16[index]);
        const auto b = static_cast<std::int32_t>(kSigmoidTable16[index + 1]);
        r = (a << 8) + static_cast<std::int32_t>(magnitude & 0xFF) * (b - a);
    }
    r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;
    return static_cast<std::int16_t>(r >> 8);
}

} // namespace ql::exec
