#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# An independent evaluation of the int8 LOGISTIC, TANH, SOFTMAX and LOG_SOFTMAX kernels of the
# reference runtime (tflite-micro, `--rounding reference`), for reference_rounding_test. Written from
# the arithmetic in docs/arithmetic.md ("Fixed-point transcendental functions"): gemmlowp-style Q
# formats on 32-bit integers held in Python's unbounded ints (every overflow wrap made explicit), no
# code shared with QuantLens.
# Reads one request per line on stdin, as JSON:
#   {"op": "LOGISTIC"|"TANH"|"SOFTMAX"|"LOG_SOFTMAX", "scale": s, "zero_point": z, "beta": b,
#    "depth": n, "values": [int8 ...]}
# and prints the int8 outputs of each request as one line of space-separated integers.
import json
import math
import sys

MIN32, MAX32 = -(1 << 31), (1 << 31) - 1


def wrap(v):
    """Two's-complement wrap to 32 bits."""
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >= (1 << 31) else v


def trunc_div(a, b):
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b > 0) else -q


def high_mul(a, b):
    """Saturating rounding doubling high multiply: round(a * b / 2^31), ties away from zero."""
    if a == MIN32 and b == MIN32:
        return MAX32
    p = a * b
    nudge = (1 << 30) if p >= 0 else 1 - (1 << 30)
    return wrap(trunc_div(p + nudge, 1 << 31))


def shift_down(x, e):
    """Rounding divide by 2^e, ties away from zero."""
    if e == 0:
        return x
    mask = (1 << e) - 1
    rem = x & mask
    threshold = (mask >> 1) + (1 if x < 0 else 0)
    return (x >> e) + (1 if rem > threshold else 0)


def shift_sat(x, e):
    """Multiply by 2^e with saturation (e > 0), or a rounding divide (e < 0)."""
    if e == 0:
        return x
    if e < 0:
        return shift_down(x, -e)
    limit = (1 << (31 - e)) - 1
    if x > limit:
        return MAX32
    if x < -limit:
        return MIN32
    return wrap(x << e)


def one(integer_bits):
    return MAX32 if integer_bits == 0 else 1 << (31 - integer_bits)


def half_sum(a, b):
    t = a + b
    return wrap(trunc_div(t + (1 if t >= 0 else -1), 2))


def exp_on_interval(a):
    """exp(x) for x in [-1/4, 0), Q0.31 in and out (Taylor series around -1/8)."""
    exp_minus_eighth = 1895147668
    one_third = 715827883
    x = wrap(a + (1 << 28))
    x2 = high_mul(x, x)
    x3 = high_mul(x2, x)
    x4 = high_mul(x2, x2)
    x4_over_4 = shift_sat(x4, -2)
    poly = shift_sat(wrap(high_mul(wrap(x4_over_4 + x3), one_third) + x2), -1)
    return wrap(exp_minus_eighth + high_mul(exp_minus_eighth, wrap(x + poly)))


# exp(-2^k) in Q0.31 for the barrel of exp_negative, k = -2 .. 4.
EXP_OF_MINUS_POWERS = [(-2, 1672461947), (-1, 1302514674), (0, 790015084), (1, 290630308), (2, 39332535),
                       (3, 720401), (4, 242)]


def exp_negative(a, integer_bits):
    """exp(a) for a <= 0 in Q(integer_bits).(31 - integer_bits); result in Q0.31."""
    fractional = 31 - integer_bits
    quarter = 1 << (fractional - 2)
    a_mod = wrap((a & (quarter - 1)) - quarter)
    result = exp_on_interval(shift_sat(a_mod, integer_bits))
    remainder = wrap(a_mod - a)
    for k, multiplier in EXP_OF_MINUS_POWERS:
        if integer_bits > k and remainder & (1 << (fractional + k)):
            result = high_mul(result, multiplier)
    if integer_bits > 5 and a < -(1 << (36 - integer_bits)):
        result = 0
    return MAX32 if a == 0 else result


def reciprocal_newton(a):
    """2 / (1 + a) in Q2.29 for a in Q0.31, three Newton-Raphson steps."""
    half_denominator = half_sum(a, MAX32)
    x = wrap(1515870810 + high_mul(half_denominator, -1010580540))
    for _ in range(3):
        err = wrap(one(2) - high_mul(half_denominator, x))
        x = wrap(x + shift_sat(high_mul(x, err), 2))
    return x


def one_over_one_plus_x(a):
    return shift_sat(reciprocal_newton(a), 1)


def one_minus_x_over_one_plus_x(a):
    return shift_sat(wrap(reciprocal_newton(a) - one(2)), 2)


def fixed_logistic(a, integer_bits):
    if a == 0:
        return 1 << 30
    magnitude = a if a > 0 else wrap(-a)
    r = one_over_one_plus_x(exp_negative(wrap(-magnitude), integer_bits))
    return r if a > 0 else wrap(MAX32 - r)


def fixed_tanh(a, integer_bits):
    if a == 0:
        return 0
    negative_magnitude = a if a < 0 else wrap(-a)
    t = one_minus_x_over_one_plus_x(exp_negative(negative_magnitude, integer_bits + 1))
    return wrap(-t) if a < 0 else t


def quantize_multiplier(d):
    """(multiplier, exponent) with d = multiplier * 2^(exponent - 31), the multiplier rounded half away."""
    if d == 0:
        return 0, 0
    m, e = math.frexp(d)
    q = int(math.floor(abs(m) * (1 << 31) + 0.5)) * (1 if m > 0 else -1)
    if q == 1 << 31:
        q //= 2
        e += 1
    return q, e


def scale_by(x, multiplier, exponent):
    """x * multiplier * 2^(exponent - 31), as the reference kernels rescale."""
    left = max(exponent, 0)
    right = max(-exponent, 0)
    return shift_down(high_mul(wrap(x * (1 << left)), multiplier), right)


def input_radius(integer_bits, left_shift):
    return math.floor(((1 << integer_bits) - 1) * (1 << (31 - integer_bits)) / (2.0 ** left_shift))


def clamp8(v):
    return max(-128, min(127, v))


def logistic_or_tanh(values, scale, zero_point, tanh):
    # The input moves to Q4.27: multiplier for scale * 2^27, and a radius beyond which the result saturates.
    m, e = math.frexp(scale * float(1 << 27))
    multiplier = int(math.floor(abs(m) * (1 << 31) + 0.5))
    radius = input_radius(4, e)
    out = []
    for v in values:
        x = v - zero_point
        if x <= -radius:
            out.append(-128)
        elif x >= radius:
            out.append(127)
        elif tanh:
            out.append(clamp8(shift_down(fixed_tanh(scale_by(x, multiplier, e), 4), 24)))
        else:
            out.append(clamp8(shift_down(fixed_logistic(scale_by(x, multiplier, e), 4), 23) - 128))
    return out


def softmax_rows(values, depth, scale, beta):
    multiplier, shift = quantize_multiplier(min(beta * scale * float(1 << 26), float(MAX32)))
    diff_min = -input_radius(5, shift)
    out = []
    for start in range(0, len(values), depth):
        row = values[start:start + depth]
        top = max(row)
        total = 0
        for v in row:
            d = v - top
            if d >= diff_min:
                total = wrap(total + shift_down(exp_negative(scale_by(d, multiplier, shift), 5), 12))
        headroom = 32 - total.bit_length()
        scaled_total = wrap(((total << headroom) & 0xFFFFFFFF) - (1 << 31))
        reciprocal = one_over_one_plus_x(scaled_total)
        exponent = (12 - headroom) + 31 - 8
        for v in row:
            d = v - top
            if d >= diff_min:
                e = exp_negative(scale_by(d, multiplier, shift), 5)
                out.append(clamp8(shift_down(high_mul(reciprocal, e), exponent) - 128))
            else:
                out.append(-128)
    return out


def sat_add(a, b):
    return max(MIN32, min(MAX32, a + b))


def shift_sat_param(x, e):
    return x if e == 0 else shift_sat(x, e)


def log_of_at_least_one(x, out_integer_bits, in_integer_bits):
    """log(x) for x >= 1 in Q(in).(31-in), result in Q(out).(31-out) (a rational approximation around sqrt(2))."""
    acc_bits = out_integer_bits + 1
    log_2, sqrt_sqrt_half, sqrt_half, quarter = 1488522236, 1805811301, 1518500250, 536870912
    alpha_n, alpha_d, alpha_i, alpha_f = 117049297, 127690142, 1057819769, 638450708
    shifted_quarter = shift_sat(quarter, -acc_bits)
    headroom_a = 32 - (x & 0xFFFFFFFF).bit_length()
    r_a = shift_sat_param(high_mul(shift_sat_param(x, headroom_a - 1), sqrt_half), 1)
    z_a = sat_add(shift_sat_param(in_integer_bits - headroom_a, 31 - acc_bits), shifted_quarter)
    z_b_head = 32 - (high_mul(x, sqrt_half) & 0xFFFFFFFF).bit_length() - 1
    r_b = shift_sat_param(x, z_b_head)
    z_b = max(MIN32, min(MAX32, shift_sat_param(in_integer_bits - z_b_head, 31 - acc_bits) - shifted_quarter))
    r = min(r_a, r_b)
    z = max(z_a, z_b)
    p = half_sum(r, sqrt_sqrt_half)
    q = wrap(r - sqrt_sqrt_half)
    q = wrap(q + q)
    q2 = high_mul(q, q)
    numerator = wrap(high_mul(q, r) + high_mul(high_mul(q, q2), alpha_n))
    denominator = wrap(high_mul(p, wrap(wrap(alpha_i + q) + high_mul(alpha_d, q2))) + high_mul(alpha_f, q))
    ratio = high_mul(shift_sat(numerator, -acc_bits), one_over_one_plus_x(denominator))
    return shift_sat(wrap(high_mul(z, log_2) + ratio), acc_bits - out_integer_bits)


def log_softmax_rows(values, depth, scale, beta):
    multiplier, shift = quantize_multiplier(min(beta * scale * float(1 << 26), float(MAX32)))
    reverse_multiplier, reverse_shift = quantize_multiplier((1 << (31 - shift)) / float(multiplier))
    diff_min = -input_radius(5, shift)
    out = []
    for start in range(0, len(values), depth):
        row = values[start:start + depth]
        top = max(row)
        total = 0
        for v in row:
            d = v - top
            if d >= diff_min:
                total = wrap(total + shift_down(exp_negative(scale_by(d, multiplier, shift), 5), 12))
        log_sum = log_of_at_least_one(total, 5, 12)
        cutoff = max(diff_min - 1, scale_by(wrap(log_sum - (1 << 31)), reverse_multiplier, reverse_shift))
        for v in row:
            d = v - top
            if d > cutoff:
                out.append(clamp8(shift_down(wrap(scale_by(d, multiplier, shift) - log_sum), 22) + 127))
            else:
                out.append(-128)
    return out


def evaluate(req):
    op, values = req["op"], [int(v) for v in req["values"]]
    scale = float(req["scale"])
    if op in ("LOGISTIC", "TANH"):
        return logistic_or_tanh(values, scale, int(req.get("zero_point", 0)), op == "TANH")
    beta = float(req.get("beta", 1.0))
    if op == "SOFTMAX":
        return softmax_rows(values, int(req["depth"]), scale, beta)
    if op == "LOG_SOFTMAX":
        return log_softmax_rows(values, int(req["depth"]), scale, beta)
    raise SystemExit("fixed_point_reference: unknown op " + op)


for line in sys.stdin:
    if line.strip():
        print(" ".join(str(v) for v in evaluate(json.loads(line))), flush=True)
