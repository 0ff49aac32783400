// SPDX-License-Identifier: MIT
// Randomly drawn one-operator models (op_random.h) run by QuantLens and by LiteRT: QuantLens must run
// exactly the models LiteRT runs, with the same codes (integers) or within float rounding, and refuse
// the others by name. The CI run draws a fixed sample; QL_RANDOM_OP_SEED and QL_RANDOM_OP_CASES draw
// others (a failing case's name starts with #seed.index, which draws it again).
#include "exec/op_check.h"
#include "exec/op_random.h"

#include <QTest>

using namespace ql;

namespace {

std::uint32_t seed()
{
    bool ok = false;
    const auto v = qEnvironmentVariable("QL_RANDOM_OP_SEED").toUInt(&ok);
    return ok ? v : 1;
}

int caseCount()
{
    bool ok = false;
    const int v = qEnvironmentVariable("QL_RANDOM_OP_CASES").toInt(&ok);
    return ok && v > 0 ? v : 80;
}

const std::vector<test::OpCase>& cases()
{
    static const std::vector<test::OpCase> all = test::random_ops::randomCases(seed(), caseCount());
    return all;
}

} // namespace

class OpRandomTest : public QObject {
    Q_OBJECT

    int m_checked = 0, m_ran = 0;
    QStringList m_refused;
    std::map<std::string, std::set<std::string>> m_types;

private slots:
    // The same seed draws the same cases (a failure can be drawn again from its name).
    void casesAreReproducible()
    {
        const auto again = test::random_ops::randomCases(seed(), caseCount());
        QCOMPARE(again.size(), cases().size());
        for (std::size_t i = 0; i < again.size(); ++i) {
            QCOMPARE(again[i].name, cases()[i].name);
            QCOMPARE(again[i].inputs.size(), cases()[i].inputs.size());
            for (std::size_t k = 0; k < again[i].inputs.size(); ++k)
                QVERIFY(again[i].inputs[k].data == cases()[i].inputs[k].data);
        }
    }

    void againstLitert_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < cases().size(); ++i)
            QTest::newRow(cases()[i].name.c_str()) << static_cast<int>(i);
    }

    void againstLitert()
    {
        QFETCH(int, index);
        const auto& c = cases()[static_cast<std::size_t>(index)];
        const auto check = test::checkOpCase(c, 7919u * seed() + static_cast<unsigned>(index), test::RefusalRule::LikeLitert);
        ++m_checked;
        QVERIFY2(check.problem.isEmpty(), qPrintable(check.problem));
        if (check.ran) {
            ++m_ran;
            m_types[test::operatorName(c.op)].insert(test::caseTypes(c));
        }
        else
            m_refused << QString::fromStdString(c.name) + QStringLiteral(": ") + check.refusal;
    }

    // Most drawn cases must be models both runtimes run, or the sample says little.
    void cleanupTestCase()
    {
        for (const auto& r : m_refused)
            qInfo("refused by both: %s", qPrintable(r));
        test::printCoverage(m_types);
        qInfo("%d of %d drawn cases ran in both runtimes", m_ran, m_checked);
        if (m_checked == static_cast<int>(cases().size()))
            QVERIFY2(m_ran * 10 >= m_checked * 8, "fewer than 80% of the drawn cases ran: the generators draw invalid models");
    }
};

QTEST_GUILESS_MAIN(OpRandomTest)
#include "op_random_test.moc"
