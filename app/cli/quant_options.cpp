// SPDX-License-Identifier: MIT
#include "cli/quant_options.h"

#include "data/content_hash.h"
#include "data/image_folder.h"
#include "data/ranges_file.h"
#include "data/value_range.h"
#include "pipeline/quantize.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <optional>

namespace ql::cli {

namespace {

Result<float> parseNumber(const QString& text, const char* what)
{
    bool ok = false;
    double v = 0;
    const int slash = static_cast<int>(text.indexOf(QLatin1Char('/')));
    if (slash > 0) {
        bool ok2 = false;
        const double d = text.mid(slash + 1).toDouble(&ok2);
        v = text.left(slash).toDouble(&ok) / d;
        ok = ok && ok2 && d != 0;
    } else {
        v = text.toDouble(&ok);
    }
    if (!ok || !std::isfinite(v))
        return Error{
            std::string(what) + " must be a number (or a fraction like 1/255), got '" + text.toStdString() + "'"};
    return static_cast<float>(v);
}

} // namespace

QStringList quantOptionsWithValue()
{
    return {QStringLiteral("--mode"), QStringLiteral("--io"), QStringLiteral("--calibration"),
        QStringLiteral("--calibration-data"), QStringLiteral("--samples"), QStringLiteral("--keep-float"),
        QStringLiteral("--scale"), QStringLiteral("--offset"), QStringLiteral("--min-elements"),
        QStringLiteral("--channel-order"), QStringLiteral("--ranges")};
}

QStringList quantFlags()
{
    return {QStringLiteral("--per-tensor"), QStringLiteral("--per-channel-dense"), QStringLiteral("--per-tensor-dense"),
        QStringLiteral("--ignore-model-ranges")};
}

Result<passes::QuantizeOptions> parseQuantizeOptions(const Args& a, const QString& modeText)
{
    passes::QuantizeOptions o;
    if (!modeText.isEmpty()) {
        auto mode = passes::parseMode(modeText.toStdString());
        if (!mode)
            return mode.error();
        o.mode = *mode;
    }
    if (const QString io = a.value(QStringLiteral("--io")); !io.isEmpty()) {
        auto parsed = passes::parseIo(io.toStdString(), o.mode);
        if (!parsed)
            return parsed.error();
        o.io = *parsed;
    }
    o.perChannel = !a.flags.contains(QStringLiteral("--per-tensor"));
    o.useModelRanges = !a.flags.contains(QStringLiteral("--ignore-model-ranges"));
    // FULLY_CONNECTED per channel unless asked otherwise (--per-channel-dense, the old opt-in, is still accepted).
    o.perChannelDense = !a.flags.contains(QStringLiteral("--per-tensor-dense"));
    if (const QString c = a.value(QStringLiteral("--calibration")); !c.isEmpty()) {
        auto parsed = quant::parseCalibration(c.toStdString());
        if (!parsed)
            return parsed.error();
        o.calibration = *parsed;
    }
    if (const QString n = a.value(QStringLiteral("--samples")); !n.isEmpty()) {
        bool ok = false;
        o.calibration.samples = n.toLongLong(&ok);
        if (!ok || o.calibration.samples <= 0)
            return Error{"--samples must be a positive number, got '" + n.toStdString() + "'"};
    }
    if (const QString n = a.value(QStringLiteral("--min-elements")); !n.isEmpty()) {
        bool ok = false;
        o.dynamicMinElements = n.toLongLong(&ok);
        if (!ok || o.dynamicMinElements < 0)
            return Error{"--min-elements must be a number >= 0, got '" + n.toStdString() + "'"};
    }
    for (const QString& k : a.values(QStringLiteral("--keep-float")))
        for (const QString& item : k.split(QLatin1Char(','), Qt::SkipEmptyParts))
            o.keepFloat.push_back(item.trimmed().toStdString());
    return o;
}

Result<data::Preprocess> parsePreprocess(const Args& a, const model::Graph* file)
{
    data::Preprocess pre;
    // Unless told, 8-bit data take the range the model's quantized input stands for (as the GUI does).
    if (file && a.value(QStringLiteral("--scale")).isEmpty() && a.value(QStringLiteral("--offset")).isEmpty())
        if (auto e = data::expectedInputRange(*file))
            pre = data::preprocessFor(e->range);
    if (const QString s = a.value(QStringLiteral("--scale")); !s.isEmpty()) {
        auto v = parseNumber(s, "--scale");
        if (!v)
            return v.error();
        pre.scale = *v;
    }
    if (const QString s = a.value(QStringLiteral("--offset")); !s.isEmpty()) {
        auto v = parseNumber(s, "--offset");
        if (!v)
            return v.error();
        pre.offset = *v;
    }
    return pre;
}

Result<pipeline::ModelSource> loadModelSource(const QString& path)
{
    return pipeline::openModel(path.toStdString());
}

Result<data::SampleSet> loadData(const QString& path, const model::Graph& g, const data::Preprocess& pre, const Args& a,
    std::int64_t limit, const data::SampleWindow& window)
{
    const QString order = a.value(QStringLiteral("--channel-order"), QStringLiteral("rgb"));
    if (order != QLatin1String("rgb") && order != QLatin1String("bgr"))
        return Error{"--channel-order must be rgb or bgr, got '" + order.toStdString() + "'"};
    if (QFileInfo(path).isDir()) {
        const auto& sg = g.main();
        if (sg.inputs.size() != 1)
            return Error{"a folder of images needs a model with one input"};
        auto spec =
            app::imageSpecFor(sg.tensors[static_cast<std::size_t>(sg.inputs[0])], pre, order == QLatin1String("bgr"));
        if (!spec)
            return spec.error();
        return app::loadImageFolder(path, *spec, limit, nullptr, window);
    }
    return data::loadSamples(path.toStdString(), pre, limit, window);
}

Result<std::vector<data::SampleSet>> loadCalibrationData(
    const Args& a, const model::Graph& g, const data::Preprocess& pre, passes::QuantizeOptions& o)
{
    std::vector<data::SampleSet> sets;
    const QStringList paths = a.values(QStringLiteral("--calibration-data"));
    QStringList names;
    for (const QString& c : paths) {
        if (c.isEmpty())
            continue;
        auto s = loadData(c, g, pre, a, o.calibration.samples);
        if (!s)
            return withContext(
                paths.size() > 1 ? "calibration data " + c.toStdString() : "calibration data", s.error());
        sets.push_back(std::move(*s));
        names << QFileInfo(c).fileName();
    }
    if (!sets.empty())
        o.calibrationSource = names.join(QStringLiteral(", ")).toStdString();
    return sets;
}

Result<data::SampleSet> loadCommandData(const Args& a, const model::Graph& g, const data::Preprocess& pre,
    std::int64_t limit, const data::SampleWindow& window)
{
    auto set = loadData(a.value(QStringLiteral("--data")), g, pre, a, limit, window);
    if (!set)
        return withContext("data", set.error());
    if (const auto& sg = g.main(); sg.inputs.size() == 1)
        if (auto s = data::checkSamplesFit(*set, sg.tensors[static_cast<std::size_t>(sg.inputs[0])]); !s)
            return withContext("data", s.error());
    if (const QString l = a.value(QStringLiteral("--labels")); !l.isEmpty())
        if (auto s = data::loadLabels(*set, l.toStdString()); !s)
            return withContext("labels", s.error());
    return set;
}

// What a shard calibrates on when it has neither --ranges nor --calibration-data and must calibrate.
static Result<data::SampleSet> calibrationHead(const Args& a, const model::Graph& g, const data::Preprocess& pre,
    std::int64_t limit, const passes::QuantizeOptions& o, const data::SampleSet& window)
{
    if (window.first == 0 && window.count >= o.calibration.samples)
        return data::firstSamples(window, o.calibration.samples);
    if (!passes::needsCalibration(o.mode) || !a.value(QStringLiteral("--ranges")).isEmpty() ||
        !a.value(QStringLiteral("--calibration-data")).isEmpty())
        return data::SampleSet{};
    return loadCommandData(
        a, g, pre, limit, [&](std::int64_t available) -> Result<std::pair<std::int64_t, std::int64_t>> {
            return std::pair<std::int64_t, std::int64_t>{0, std::min(available, o.calibration.samples)};
        });
}

Result<std::optional<std::vector<quant::TensorRange>>> rangesFromFile(
    const Args& a, const pipeline::ModelSource& m, passes::QuantizeOptions& o, std::vector<std::string>& notes)
{
    const QString path = a.value(QStringLiteral("--ranges"));
    if (path.isEmpty())
        return std::optional<std::vector<quant::TensorRange>>{};
    for (const auto* conflicting : {"--calibration-data", "--calibration", "--samples"})
        if (!a.value(QString::fromLatin1(conflicting)).isEmpty())
            return Error{std::string("--ranges holds ranges already calibrated: ") + conflicting +
                " belongs to `quantlens-cli calibrate`, which wrote them"};
    auto f = app::readRanges(path);
    if (!f)
        return f.error();
    if (f->modelSha256 != app::contentSha256(a.positional.front()))
        return Error{path.toStdString() + ": its ranges were calibrated for another model (" + f->model.toStdString() +
            "), not " + a.positional.front().toStdString()};
    std::size_t tensors = 0;
    for (const auto& sg : m.work->subgraphs)
        tensors += sg.tensors.size();
    if (f->ranges.size() != tensors)
        return Error{path.toStdString() + ": " + std::to_string(f->ranges.size()) + " ranges for a model of " +
            std::to_string(tensors) + " tensors"};
    o.calibration = f->calibration;
    o.calibrationSource = f->calibrationSource;
    notes.push_back("activation ranges from " + path.toStdString() + " (" + f->calibration.describe() + ", " +
        std::to_string(f->calibration.samples) + " samples)");
    notes.insert(notes.end(), f->notes.begin(), f->notes.end());
    return std::optional<std::vector<quant::TensorRange>>{std::move(f->ranges)};
}

Result<std::vector<quant::TensorRange>> rangesForCommand(const Args& a, const pipeline::ModelSource& m,
    const data::Preprocess& pre, passes::QuantizeOptions& o, const data::SampleSet& ownData, const std::string& what,
    std::vector<std::string>& notes)
{
    if (!passes::needsCalibration(o.mode))
        return std::vector<quant::TensorRange>{};
    auto fromFile = rangesFromFile(a, m, o, notes);
    if (!fromFile)
        return fromFile.error();
    if (*fromFile)
        return std::move(**fromFile);
    auto given = loadCalibrationData(a, *m.work, pre, o);
    if (!given)
        return given.error();
    return pipeline::rangesWithOwnData(m, o, std::move(*given), ownData, what, notes);
}

Result<std::vector<quant::TensorRange>> rangesForWindow(const Args& a, const pipeline::ModelSource& m,
    const data::Preprocess& pre, passes::QuantizeOptions& o, const data::SampleSet& data, bool windowed,
    std::int64_t limit, const std::string& what, std::vector<std::string>& notes)
{
    if (!windowed)
        return rangesForCommand(a, m, pre, o, data, what, notes);
    auto head = calibrationHead(a, *m.work, pre, limit, o, data);
    if (!head)
        return head.error();
    return rangesForCommand(a, m, pre, o, *head, what, notes);
}

} // namespace ql::cli
