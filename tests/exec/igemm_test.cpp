// SPDX-License-Identifier: MIT
// The integer GEMM (engine/exec/kernels/igemm.h): every instruction-set path this machine has against
// the definition sum_k a[r][k] * (w[c][k] - zp), computed here in 64 bits from the unpacked values, on
// seeded values over edge sizes (partial panels, odd k, row counts around the 4-row block) and the
// extreme codes. The op tests run the kernels that use it against LiteRT (once on the best path, once
// with QL_IGEMM_PATH=scalar).
#include "exec/kernels/igemm.h"

#include <QTest>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

using namespace ql::exec;

namespace {

struct Case {
    int m, n, k;
    std::int32_t zeroPoint;
    bool unsignedCodes;
};

// sum_k a[r][k] * (w[c][k] - zp) in 64 bits, then the int32 the kernels produce (the sums checked here
// stay inside int32, so this is the exact value).
std::vector<std::int32_t> reference(
    const std::vector<std::int16_t>& a, int lda, const std::vector<int>& w, const Case& c)
{
    std::vector<std::int32_t> out(static_cast<std::size_t>(c.m) * c.n);
    for (int r = 0; r < c.m; ++r)
        for (int j = 0; j < c.n; ++j) {
            std::int64_t s = 0;
            for (int i = 0; i < c.k; ++i)
                s += static_cast<std::int64_t>(a[static_cast<std::size_t>(r) * lda + i]) *
                    (w[static_cast<std::size_t>(j) * c.k + i] - c.zeroPoint);
            out[static_cast<std::size_t>(r) * c.n + j] = static_cast<std::int32_t>(s);
        }
    return out;
}

template <class T>
std::vector<std::int32_t> run(const std::vector<T>& codesA, const std::vector<T>& codesW, const Case& c, int& lda)
{
    const PackedInt16Weights packed(codesW.data(), c.n, c.k, c.zeroPoint);
    lda = packed.paddedK() + 3; // a row stride longer than the row
    std::vector<std::int16_t> a(static_cast<std::size_t>(c.m) * lda, 0x7777);
    widenRows(codesA.data(), c.m, c.k, c.k, a.data(), lda);
    // The column past k (odd k) holds whatever the caller left there; widenRows wrote 0. Spoil it: the
    // kernels must ignore it (its weight is 0).
    if (c.k % 2 == 1)
        for (int r = 0; r < c.m; ++r)
            a[static_cast<std::size_t>(r) * lda + c.k] = -32768;
    const std::int64_t ldc = c.n + 5;
    std::vector<std::int32_t> out(static_cast<std::size_t>(c.m) * ldc, 0x5A5A5A5A);
    packed.multiply(a.data(), c.m, lda, out.data(), ldc);
    std::vector<std::int32_t> dense;
    for (int r = 0; r < c.m; ++r) {
        for (int j = 0; j < c.n; ++j)
            dense.push_back(out[static_cast<std::size_t>(r * ldc + j)]);
        // Beyond n the output row is left alone.
        for (std::int64_t j = c.n; j < ldc; ++j)
            if (out[static_cast<std::size_t>(r * ldc + j)] != 0x5A5A5A5A)
                return {};
    }
    return dense;
}

template <class T> void checkCase(const Case& c, std::mt19937& rng, bool extremes)
{
    std::uniform_int_distribution<int> codes(c.unsignedCodes ? 0 : -128, c.unsignedCodes ? 255 : 127);
    const int lo = c.unsignedCodes ? 0 : -128, hi = c.unsignedCodes ? 255 : 127;
    std::vector<T> a(static_cast<std::size_t>(c.m) * c.k), w(static_cast<std::size_t>(c.n) * c.k);
    for (std::size_t i = 0; i < a.size(); ++i)
        a[i] = static_cast<T>(extremes ? (i % 3 == 0 ? hi : lo) : codes(rng));
    for (std::size_t i = 0; i < w.size(); ++i)
        w[i] = static_cast<T>(extremes ? (i % 2 == 0 ? lo : hi) : codes(rng));
    int lda = 0;
    const auto got = run(a, w, c, lda);
    std::vector<std::int16_t> a16(static_cast<std::size_t>(c.m) * lda);
    widenRows(a.data(), c.m, c.k, c.k, a16.data(), lda);
    const std::vector<int> wi(w.begin(), w.end());
    const auto want = reference(a16, lda, wi, c);
    QVERIFY2(!got.empty(), "the kernel wrote past the n columns of an output row");
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i)
        if (got[i] != want[i])
            QFAIL(qPrintable(QStringLiteral("m %1 n %2 k %3 zp %4: C[%5][%6] is %7, expected %8")
                                 .arg(c.m)
                                 .arg(c.n)
                                 .arg(c.k)
                                 .arg(c.zeroPoint)
                                 .arg(i / static_cast<std::size_t>(c.n))
                                 .arg(i % static_cast<std::size_t>(c.n))
                                 .arg(got[i])
                                 .arg(want[i])));
}

} // namespace

class IgemmTest : public QObject {
    Q_OBJECT

private slots:
    void everyPathMatchesTheDefinition_data()
    {
        QTest::addColumn<int>("path");
        for (const IgemmPath p : availableIgemmPaths())
            QTest::newRow(igemmPathName(p)) << static_cast<int>(p);
        // Say which paths this machine could not run (they are tested where it can).
        for (const IgemmPath p : {IgemmPath::Avx2, IgemmPath::AvxVnni, IgemmPath::Avx512Vnni}) {
            const auto avail = availableIgemmPaths();
            if (std::find(avail.begin(), avail.end(), p) == avail.end())
                qInfo("igemm path %s: not available on this machine, not tested here", igemmPathName(p));
        }
    }

    void everyPathMatchesTheDefinition()
    {
        QFETCH(int, path);
        const IgemmPath before = igemmPath();
        QVERIFY(setIgemmPath(static_cast<IgemmPath>(path)));
        QCOMPARE(igemmPath(), static_cast<IgemmPath>(path));
        std::mt19937 rng(1234);
        for (const int m : {1, 3, 4, 5, 8, 9})
            for (const int n : {1, 7, 16, 17, 40})
                for (const int k : {1, 2, 3, 16, 31, 64, 257}) {
                    checkCase<std::int8_t>({m, n, k, 0, false}, rng, false);
                    checkCase<std::int8_t>({m, n, k, -3, false}, rng, false);
                    checkCase<std::uint8_t>({m, n, k, 131, true}, rng, false);
                    if (QTest::currentTestFailed())
                        break;
                }
        // Extreme codes: the largest products (255 * 255 unsigned, -128 * -128 signed) over long rows.
        for (const int k : {1, 255, 4097}) {
            checkCase<std::int8_t>({5, 19, k, 0, false}, rng, true);
            checkCase<std::uint8_t>({5, 19, k, 255, true}, rng, true);
            checkCase<std::uint8_t>({5, 19, k, 0, true}, rng, true);
        }
        QVERIFY(setIgemmPath(before));
    }

    void unavailablePathIsRefused()
    {
        const auto avail = availableIgemmPaths();
        QVERIFY(!avail.empty());
        QCOMPARE(avail.front(), IgemmPath::Scalar);
        const IgemmPath before = igemmPath();
        for (const IgemmPath p : {IgemmPath::Avx2, IgemmPath::AvxVnni, IgemmPath::Avx512Vnni})
            if (std::find(avail.begin(), avail.end(), p) == avail.end()) {
                QVERIFY(!setIgemmPath(p));
                QCOMPARE(igemmPath(), before);
            }
    }
};

QTEST_GUILESS_MAIN(IgemmTest)
#include "igemm_test.moc"
