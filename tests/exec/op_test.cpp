// SPDX-License-Identifier: MIT
// One-operator models built in memory, run by QuantLens and by LiteRT on the same seeded random
// inputs (the cases are in op_cases_*.cpp). Covers every operator and type combination, including
// those no shared model has. Integer outputs must be equal; float outputs within the case's budget
// of the largest reference value. Cases that LiteRT cannot run correctly must be refused by
// QuantLens with a clear error.
#include "exec/op_check.h"

#include "common/graph_builder.h"
#include "exec/interpreter.h"
#include "exec/kernel.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <map>
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

    // BROADCAST_ARGS, SEGMENT_SUM, WHERE and RANGE on data that is not a constant: LiteRT sizes their outputs
    // during the run, which litert-run cannot return; their values are checked by hand here.
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
        // WHERE: the coordinates of the true (non-zero) elements, row-major, as int64.
        const auto where = test::singleOpGraph(test::builtin(Op::WHERE, test::opts(tflite::WhereOptionsT{})),
            {test::bools({2, 3})}, {test::typed({3, 2}, DT::Int64)});
        const auto [s3, v3] = run(where, {std::vector<std::uint8_t>{1, 0, 1, 0, 0, 1}});
        QCOMPARE(s3, (std::vector<std::int32_t>{3, 2}));
        QCOMPARE(v3, bytes(std::vector<std::int64_t>{0, 0, 0, 2, 1, 2}));
        const auto whereFloat = test::singleOpGraph(test::builtin(Op::WHERE, test::opts(tflite::WhereOptionsT{})),
            {test::f32({4})}, {test::typed({2, 1}, DT::Int64)});
        const auto [s4, v4] = run(whereFloat, {bytes(std::vector<float>{0.0f, -1.5f, -0.0f, 2.0f})});
        QCOMPARE(s4, (std::vector<std::int32_t>{2, 1}));
        QCOMPARE(v4, bytes(std::vector<std::int64_t>{1, 3}));
        // RANGE: start, start + delta, ... short of the limit, in either direction.
        const auto rangeFloat = test::singleOpGraph(test::builtin(Op::RANGE, test::opts(tflite::RangeOptionsT{})),
            {test::f32({}), test::f32({}), test::f32({})}, {test::f32({6})});
        const auto [s5, v5] = run(rangeFloat, {bytes(std::vector<float>{1.0f}), bytes(std::vector<float>{4.0f}),
                                                  bytes(std::vector<float>{0.5f})});
        QCOMPARE(s5, std::vector<std::int32_t>{6});
        QCOMPARE(v5, bytes(std::vector<float>{1.0f, 1.5f, 2.0f, 2.5f, 3.0f, 3.5f}));
        const auto rangeInt = test::singleOpGraph(test::builtin(Op::RANGE, test::opts(tflite::RangeOptionsT{})),
            {test::typed({}, DT::Int32), test::typed({}, DT::Int32), test::typed({}, DT::Int32)}, {test::typed({4}, DT::Int32)});
        const auto [s6, v6] = run(rangeInt, {bytes(std::vector<std::int32_t>{10}), bytes(std::vector<std::int32_t>{0}),
                                                bytes(std::vector<std::int32_t>{-3})});
        QCOMPARE(s6, std::vector<std::int32_t>{4});
        QCOMPARE(v6, bytes(std::vector<std::int32_t>{10, 7, 4, 1}));
        // Ids that are not sorted are refused during the run.
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(sums));
        QVERIFY(it.ok());
        QVERIFY((*it)->setInput(0, DT::Float32, bytes(data)).ok());
        QVERIFY((*it)->setInput(1, DT::Int32, bytes(std::vector<std::int32_t>{0, 2, 1, 3, 3})).ok());
        const auto refused = (*it)->invoke();
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("sorted") != std::string::npos, refused.error().message.c_str());
    }

    // Outputs litert-run cannot read back, checked against their definitions: RANK's scalar and SHAPE's
    // vector (LiteRT writes them once at prepare into a read-only tensor, and LiteRT.js returns an
    // unwritten buffer) and UNIQUE's distinct values (sized at run time).
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
        for (const auto type : {tflite::TensorType::INT32, tflite::TensorType::INT64}) {
            tflite::ShapeOptionsT so;
            so.out_type = type;
            const bool wide = type == tflite::TensorType::INT64;
            const auto g = test::singleOpGraph(test::builtin(Op::SHAPE, test::opts(so)), {test::f32({2, 3, 4})},
                {test::typed({3}, wide ? DT::Int64 : DT::Int32)});
            auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g));
            QVERIFY(it.ok());
            QVERIFY((*it)->setInput(0, DT::Float32, std::vector<std::uint8_t>(96, 0)).ok());
            QVERIFY((*it)->invoke().ok());
            const auto& y = (*it)->output(0);
            QCOMPARE(y.dtype, wide ? DT::Int64 : DT::Int32);
            for (std::int64_t i = 0; i < 3; ++i)
                QCOMPARE(wide ? y.as<std::int64_t>()[i] : std::int64_t{y.as<std::int32_t>()[i]}, i + 2);
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
        const auto& c = cases()[static_cast<std::size_t>(index)];
        // QL_OP_AUDIT_REFUSALS=1 asks LiteRT about the rows QuantLens must refuse too: it lists those LiteRT
        // runs (each row says why its result there is wrong), a review aid for the refusals.
        const bool audit = qEnvironmentVariableIsSet("QL_OP_AUDIT_REFUSALS") && !c.refusal.empty();
        const auto check = test::checkOpCase(c, static_cast<unsigned>(index), audit ? test::RefusalRule::LikeLitert : test::RefusalRule::AsWritten);
        ++m_checked;
        QVERIFY2(check.problem.isEmpty(), qPrintable(check.problem));
        if (check.ran)
            m_ran[test::operatorName(c.op)].insert(test::caseTypes(c));
    }

    // Every builtin operator QuantLens runs has a case that LiteRT ran and QuantLens matched, or is one
    // whose outputs LiteRT cannot return, checked by hand above. (Custom operators LiteRT does not have
    // are checked against their published definitions in their own tests.) Prints the operator x
    // element-type table the cases cover.
    void cleanupTestCase()
    {
        if (m_checked != static_cast<int>(cases().size()))
            return; // a selection of rows ran
        test::printCoverage(m_ran);
        // Checked elsewhere: outputs litert-run cannot return (sized at run time, or written at prepare),
        // checked by value above; recurrent operators (LiteRT.js does not load their variable tensors),
        // against independent evaluations in lstm_test, rnn_test and svdf_test; several subgraphs and
        // resource variables in subgraphs_test; DENSIFY in sparse_constants_test (LiteRT.js drops the
        // sparsity it densifies).
        static const std::set<std::string> byHand{"RANK", "SHAPE", "UNIQUE", "BROADCAST_ARGS", "SEGMENT_SUM", "WHERE",
            "RANGE", "LSTM", "UNIDIRECTIONAL_SEQUENCE_LSTM", "BIDIRECTIONAL_SEQUENCE_LSTM", "RNN",
            "UNIDIRECTIONAL_SEQUENCE_RNN", "BIDIRECTIONAL_SEQUENCE_RNN", "SVDF", "IF", "WHILE", "CALL_ONCE",
            "STABLEHLO_COMPOSITE", "VAR_HANDLE", "READ_VARIABLE", "ASSIGN_VARIABLE", "DENSIFY"};
        QStringList missing;
        for (const auto& k : exec::kernelTable()) {
            const std::string name = tflite::EnumNameBuiltinOperator(k.op);
            if (!m_ran.count(name) && !byHand.count(name))
                missing << QString::fromStdString(name);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("operators without a case LiteRT ran: ") + missing.join(QStringLiteral(", "))));
    }

private:
    int m_checked = 0;
    std::map<std::string, std::set<std::string>> m_ran;
};

QTEST_GUILESS_MAIN(OpTest)
#include "op_test.moc"
