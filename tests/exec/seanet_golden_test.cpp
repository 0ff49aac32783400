// SPDX-License-Identifier: MIT
// tflite-micro's SEANet integration vectors (../shared/models/tflm_seanet): single-operator models
// with inputs and the outputs TFLite's reference kernels compute. With reference rounding the
// interpreter must reproduce every golden bit for bit.
#include "common/model_facts.h"
#include "exec/interpreter.h"
#include "model/reader.h"

#include <QTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace ql;

namespace {

namespace fs = std::filesystem;

std::vector<std::int64_t> readCsv(const fs::path& p)
{
    std::ifstream in(p);
    std::vector<std::int64_t> v;
    std::string item;
    while (std::getline(in, item, ',')) {
        std::istringstream s(item);
        std::int64_t x;
        if (s >> x)
            v.push_back(x);
    }
    return v;
}

// "add0_input1_int16.csv" -> dtype name
std::string csvDtype(const std::string& name)
{
    const auto us = name.rfind('_');
    return name.substr(us + 1, name.size() - us - 1 - 4);
}

std::vector<std::uint8_t> pack(const std::vector<std::int64_t>& v, model::DType t)
{
    std::vector<std::uint8_t> out;
    const int bytes = model::dtypeBits(t) / 8;
    for (auto x : v)
        for (int b = 0; b < bytes; ++b)
            out.push_back(static_cast<std::uint8_t>(static_cast<std::uint64_t>(x) >> (8 * b)));
    return out;
}

std::int64_t element(const exec::RtTensor& t, std::int64_t i)
{
    switch (t.dtype) {
    case model::DType::Int8: return t.as<std::int8_t>()[i];
    case model::DType::UInt8: return t.as<std::uint8_t>()[i];
    case model::DType::Int16: return t.as<std::int16_t>()[i];
    case model::DType::Int32: return t.as<std::int32_t>()[i];
    case model::DType::Int64: return t.as<std::int64_t>()[i];
    default: return 0;
    }
}

} // namespace

class SeanetGoldenTest : public QObject {
    Q_OBJECT

private slots:
    void goldens_data()
    {
        QTest::addColumn<QString>("model");
        std::vector<std::string> models;
        for (const auto& e : fs::recursive_directory_iterator(test::modelsDir() + "/tflm_seanet"))
            if (e.path().extension() == ".tflite")
                models.push_back(e.path().string());
        std::sort(models.begin(), models.end());
        QVERIFY(models.size() > 100);
        for (const auto& m : models) {
            const fs::path p(m);
            bool hasGolden = false;
            for (const auto& e : fs::directory_iterator(p.parent_path()))
                hasGolden |= e.path().filename().string().rfind(p.stem().string() + "_golden_", 0) == 0;
            if (hasGolden)
                QTest::newRow(p.filename().string().c_str()) << QString::fromStdString(m);
        }
    }

    void goldens()
    {
        QFETCH(QString, model);
        const fs::path p(model.toStdString());
        auto g = model::readTflite(p.string());
        QVERIFY2(g.ok(), g.ok() ? "" : g.error().message.c_str());
        exec::InterpreterOptions opts;
        opts.rounding = exec::Rounding::Reference;
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(std::move(g.value())), opts);
        QVERIFY2(it.ok(), it.ok() ? "" : it.error().message.c_str());
        auto& interp = **it;
        std::map<int, fs::path> inputs;
        fs::path golden;
        for (const auto& e : fs::directory_iterator(p.parent_path())) {
            const std::string name = e.path().filename().string();
            const std::string prefix = p.stem().string() + "_";
            if (name.rfind(prefix, 0) != 0)
                continue;
            const std::string rest = name.substr(prefix.size());
            if (rest.rfind("golden_", 0) == 0)
                golden = e.path();
            else if (rest.rfind("input", 0) == 0)
                inputs[std::stoi(rest.substr(5))] = e.path();
        }
        QCOMPARE(static_cast<int>(inputs.size()), interp.inputCount());
        for (const auto& [k, file] : inputs) {
            const auto values = readCsv(file);
            const auto dtype = model::dtypeFromName(csvDtype(file.filename().string()));
            QVERIFY(dtype.has_value());
            auto st = interp.setInput(k, *dtype, pack(values, *dtype));
            QVERIFY2(st.ok(), st.ok() ? "" : st.error().message.c_str());
        }
        auto st = interp.invoke();
        QVERIFY2(st.ok(), st.ok() ? "" : st.error().message.c_str());
        const auto expected = readCsv(golden);
        const auto& out = interp.output(0);
        QCOMPARE(out.count(), static_cast<std::int64_t>(expected.size()));
        int differ = 0;
        std::int64_t first = -1;
        for (std::int64_t i = 0; i < out.count(); ++i)
            if (element(out, i) != expected[static_cast<std::size_t>(i)]) {
                if (first < 0)
                    first = i;
                ++differ;
            }
        QVERIFY2(differ == 0,
            qPrintable(QStringLiteral("%1 of %2 outputs differ; first at %3: %4 instead of %5")
                           .arg(differ)
                           .arg(out.count())
                           .arg(first)
                           .arg(first >= 0 ? element(out, first) : 0)
                           .arg(first >= 0 ? expected[static_cast<std::size_t>(first)] : 0)));
    }
};

QTEST_GUILESS_MAIN(SeanetGoldenTest)
#include "seanet_golden_test.moc"
