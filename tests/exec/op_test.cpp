// SPDX-License-Identifier: MIT
// One-operator models built in memory, run by QuantLens and by LiteRT on the same seeded random
// inputs (the cases are in op_cases_*.cpp). Covers every operator and type combination, including
// those no shared model has. Integer outputs must be equal; float outputs within the case's budget
// of the largest reference value. Cases that LiteRT cannot run correctly must be refused by
// QuantLens with a clear error.
#include "exec/op_check.h"

#include "common/graph_builder.h"
#include "exec/interpreter.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <set>

using namespace ql;
using DT = model::DType;

namespace {

std::vector<test::OpCase> allCases()
{
    std::vector<test::OpCase> all;
    for (auto family : {test::basicCases, test::layoutCases, test::mathCases, test::indexingCases,
             test::quantizedCases, test::customCases, test::extendedCases, test::bitsCases, test::foundCases})
        for (auto& c : family())
            all.push_back(std::move(c));
    return all;
}

const std::vector<test::OpCase>& cases()
{
    static const std::vector<test::OpCase> all = allCases();
    return all;
}

} // namespace

class OpTest : public QObject {
    Q_OBJECT

private slots:
    void everyCaseHasAUniqueName()
    {
        std::set<std::string> names;
        for (const auto& c : cases())
            QVERIFY2(names.insert(c.name).second, c.name.c_str());
    }

    // BROADCAST_ARGS and SEGMENT_SUM on data that is not a constant: LiteRT sizes their outputs during the
    // run, which litert-run cannot return; their values are checked by hand here.
    void outputsLiteRtSizesOnlyAtRunTime()
    {
        using Op = tflite::BuiltinOperator;
        auto run = [](const model::Graph& g, const std::vector<std::vector<std::uint8_t>>& inputs) {
            auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g));
            if (!it)
                qFatal("%s", it.error().message.c_str());
            for (std::size_t i = 0; i < inputs.size(); ++i)
                if (!(*it)->setInput(static_cast<int>(i), (*it)->input(static_cast<int>(i)).dtype, inputs[i]).ok())
                    qFatal("input %zu", i);
            if (auto s = (*it)->invoke(); !s)
                qFatal("%s", s.error().message.c_str());
            const auto& y = (*it)->output(0);
            return std::make_pair(y.shape, std::vector<std::uint8_t>(y.data, y.data + y.bytes));
        };
        auto bytes = [](const auto& v) {
            std::vector<std::uint8_t> b(v.size() * sizeof(v[0]));
            std::memcpy(b.data(), v.data(), b.size());
            return b;
        };
        // [2,1,4] and [5,1] broadcast to [2,5,4].
        const auto shapes = test::singleOpGraph(test::builtin(Op::BROADCAST_ARGS),
            {test::typed({3}, DT::Int32), test::i32({2}, {5, 1})}, {test::typed({3}, DT::Int32)});
        const auto [s1, v1] = run(shapes, {bytes(std::vector<std::int32_t>{2, 1, 4})});
        QCOMPARE(s1, std::vector<std::int32_t>{3});
        QCOMPARE(v1, bytes(std::vector<std::int32_t>{2, 5, 4}));
        // Rows 0,1 -> segment 0; 2,3 -> 2; 4 -> 3; segment 1 stays 0.
        const auto sums = test::singleOpGraph(test::builtin(Op::SEGMENT_SUM, test::opts(tflite::SegmentSumOptionsT{})),
            {test::f32({5, 2}), test::typed({5}, DT::Int32)}, {test::f32({4, 2})});
        const std::vector<float> data{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        const auto [s2, v2] = run(sums, {bytes(data), bytes(std::vector<std::int32_t>{0, 0, 2, 2, 3})});
        QCOMPARE(s2, (std::vector<std::int32_t>{4, 2}));
        QCOMPARE(v2, bytes(std::vector<float>{4, 6, 0, 0, 12, 14, 9, 10}));
        // Ids that are not sorted are refused during the run.
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(sums));
        QVERIFY(it.ok());
        QVERIFY((*it)->setInput(0, DT::Float32, bytes(data)).ok());
        QVERIFY((*it)->setInput(1, DT::Int32, bytes(std::vector<std::int32_t>{0, 2, 1, 3, 3})).ok());
        const auto refused = (*it)->invoke();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("sorted") != std::string::npos, refused.error().message.c_str());
    }

    // Outputs litert-run cannot read back, checked against their definitions: RANK's scalar (LiteRT
    // writes it once at prepare into a read-only tensor, and LiteRT.js returns an unwritten buffer) and
    // UNIQUE's distinct values (sized at run time).
    void outputsLiteRtRunCannotRead()
    {
        using Op = tflite::BuiltinOperator;
        for (int rank = 0; rank <= 6; ++rank) {
            const std::vector<std::int32_t> shape(static_cast<std::size_t>(rank), 2);
            const auto g = test::singleOpGraph(test::builtin(Op::RANK, test::opts(tflite::RankOptionsT{})),
                {test::typed(shape, DT::Int8)}, {test::typed({}, DT::Int32)});
            auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g));
            QVERIFY(it.ok());
            QVERIFY((*it)->setInput(0, DT::Int8, std::vector<std::uint8_t>(std::size_t{1} << rank, 1)).ok());
            QVERIFY((*it)->invoke().ok());
            QCOMPARE((*it)->output(0).count(), std::int64_t{1});
            QCOMPARE((*it)->output(0).as<std::int32_t>()[0], rank);
        }
        tflite::UniqueOptionsT uo;
        uo.idx_out_type = tflite::TensorType::INT64;
        const auto g = test::singleOpGraph(test::builtin(Op::UNIQUE, test::opts(uo)), {test::f32({6})},
            {test::f32({6}), test::typed({6}, DT::Int64)});
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g));
        QVERIFY(it.ok());
        // -0.0 and 0.0 are one value; the first seen is kept.
        const std::vector<float> x{3.0f, -0.0f, 3.0f, -2.5f, 0.0f, -2.5f};
        std::vector<std::uint8_t> bytes(x.size() * 4);
        std::memcpy(bytes.data(), x.data(), bytes.size());
        QVERIFY((*it)->setInput(0, DT::Float32, bytes).ok());
        QVERIFY((*it)->invoke().ok());
        const auto& values = (*it)->output(0);
        QCOMPARE(values.shape, std::vector<std::int32_t>{3});
        QCOMPARE(values.as<float>()[0], 3.0f);
        QVERIFY(values.as<float>()[1] == 0.0f && std::signbit(values.as<float>()[1]));
        QCOMPARE(values.as<float>()[2], -2.5f);
        const auto& idx = (*it)->output(1);
        QCOMPARE(std::vector<std::int64_t>(idx.as<std::int64_t>(), idx.as<std::int64_t>() + 6),
            (std::vector<std::int64_t>{0, 1, 0, 2, 1, 2}));
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
        const auto check = test::checkOpCase(cases()[static_cast<std::size_t>(index)], static_cast<unsigned>(index));
        QVERIFY2(check.problem.isEmpty(), qPrintable(check.problem));
    }
};

QTEST_GUILESS_MAIN(OpTest)
#include "op_test.moc"
