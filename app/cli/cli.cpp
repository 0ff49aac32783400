// SPDX-License-Identifier: MIT
#include "cli/cli.h"

#include "cli/analyze.h"
#include "cli/args.h"
#include "cli/diff.h"
#include "cli/evaluate.h"
#include "cli/info.h"
#include "cli/quantize.h"
#include "cli/report.h"
#include "cli/run.h"
#include "cli/sensitivity.h"
#include "cli/calibrate.h"
#include "cli/shard.h"
#include "cli/train.h"
#include "data/profiles.h"
#include "model/reader.h"
#include "model/transform.h"
#include "model/writer.h"
#include "quant/op_rules_doc.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>

#include <optional>

namespace ql::cli {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli", s);
}

QString usage()
{
    return tr("Usage: quantlens-cli COMMAND [OPTIONS]\n"
              "\n"
              "Commands:\n"
              "  info MODEL [--target T] [--json] layers, tensors, quantization and sizes; fit on a target\n"
              "  rewrite MODEL -o OUT [--external-buffers]\n"
              "                                  read a model and write it back (lossless round trip)\n"
              "  run MODEL --input X.npy ... --output-dir DIR\n"
              "                                  run the model (see: help run)\n"
              "  bench MODEL [--runs N] [--json] time the model\n"
              "  quantize MODEL --mode MODE -o OUT\n"
              "                                  post-training quantization (see: help quantize)\n"
              "  analyze MODEL --mode MODE|--bits N [--json]\n"
              "                                  per-layer weight quantization error (see: help analyze)\n"
              "  eval MODEL --data IMAGES [--labels LABELS] [--modes LIST]\n"
              "                                  accuracy, agreement, KL, size, latency per mode (see: help eval)\n"
              "  calibrate MODEL --calibration-data DATA -o RANGES.json\n"
              "                                  activation ranges once, for --ranges (see: help calibrate)\n"
              "  merge PARTIAL... [--json]       shards of `eval`/`sensitivity --shard I/N` as one run\n"
              "  sensitivity MODEL --mode MODE --data DATA [--budget 0.01]\n"
              "                                  which layers to keep in float (see: help sensitivity)\n"
              "  report MODEL --data IMAGES [--labels LABELS] -o REPORT.html|.pdf\n"
              "                                  everything above in one self-contained report (see: help report)\n"
              "  train --data IMAGES --labels LABELS -o OUT\n"
              "                                  train a small CNN, optionally with QAT (see: help train)\n"
              "  diff A B [--data DATA] [--json] two models operator by operator: scales, zero points, weights,\n"
              "                                  and with data each pair's outputs\n"
              "  rules                           the converter's quantization rule of every operator (Markdown)\n"
              "  help [COMMAND]                  this text, or a command's\n"
              "\n"
              "Exit status: 0 success, 1 the model or a file could not be used, 2 wrong arguments.\n");
}

} // namespace

QString commandHelp(const QString& command)
{
    if (command == QLatin1String("info"))
        return tr("Usage: quantlens-cli info MODEL [--target NAME|FILE.json] [--json]\n"
                  "\n"
                  "Prints the model's facts: size, quantization mode, inputs and outputs, and one row per\n"
                  "operator with its output shape, weights and their quantization.\n"
                  "  --target NAME   also check the model against a deployment target: each operator that would\n"
                  "                  not run there or would fall back, and why; RAM and flash (docs/targets.md).\n"
                  "                  Shipped: litert-cpu, tflite-micro, edgetpu, npu-per-tensor, mcu-256k;\n"
                  "                  a .json file of your own works too. --target list names them all.\n"
                  "  --json   print a JSON object instead (keys documented in docs/cli-json.md)\n");
    if (command == QLatin1String("diff"))
        return tr("Usage: quantlens-cli diff A.tflite B.tflite [--data DATA [--samples N]] [--json] [--all]\n"
                  "\n"
                  "Matches the operators of two models (by the name of the tensor each writes, then by position\n"
                  "among operators of the same type) and lists what differs: the type, scales (as a ratio) and\n"
                  "zero points of each operator's output, activation input and weights, and how far the weights\n"
                  "are apart in steps (LSB) of B's scale; then the operators only one model has.\n"
                  "  --data DATA   also run both models on DATA (.npy, IDX or a folder of images, for A's input)\n"
                  "                and compare every matched pair's outputs: SQNR of B against A, cosine, largest\n"
                  "                difference, and how often the two pick the same class\n"
                  "  --samples N   samples of DATA used (default 32)\n"
                  "  --scale S, --offset O, --channel-order rgb|bgr   as for quantize\n"
                  "  --all    list unchanged matches too\n"
                  "  --json   print a JSON object instead (keys documented in docs/cli-json.md)\n");
    if (command == QLatin1String("rewrite"))
        return tr("Usage: quantlens-cli rewrite MODEL -o OUT [--external-buffers]\n"
                  "\n"
                  "Reads MODEL and writes it to OUT. OUT is replaced only once the new file is complete.\n"
                  "  -o, --output FILE     where to write\n"
                  "  --external-buffers    store constant data after the flatbuffer (the >2 GB form)\n"
                  "  --expose-intermediates  make every operator's output a model output (after the\n"
                  "                        original outputs), so that other runtimes show them too\n"
                  "  --batch N             give the model a batch of N samples (convolution, pooling, dense,\n"
                  "                        activation and reshape graphs), e.g. to evaluate a data set in\n"
                  "                        one runtime call\n");
    if (command == QLatin1String("run"))
        return tr("Usage: quantlens-cli run MODEL --input [NAME=]FILE.npy ... --output-dir DIR\n"
                  "                        [--signature KEY] [--rounding reference|xnnpack] [--threads N]\n"
                  "                        [--dump-intermediates]\n"
                  "\n"
                  "Runs the model once on the given inputs (one --input per model input, in order, or bound by\n"
                  "input name) and writes out0.npy, out1.npy, ... in the outputs' exact dtypes. Prints one JSON\n"
                  "line: outputs, invoke_ms, arena_bytes, subgraph. An array may differ from the input's shape\n"
                  "in the dimensions the model marks dynamic (a batch of several samples): the model is resized.\n"
                  "  --signature KEY        run this signature (its subgraph, inputs and output names), as listed\n"
                  "                         by info; default: subgraph 0\n"
                  "  --rounding reference   integer arithmetic of TFLite's reference kernels / tflite-micro\n"
                  "  --rounding xnnpack     integer arithmetic of LiteRT's CPU runtime (default)\n"
                  "  --dump-intermediates   also write every computed tensor to DIR/intermediates/tN.npy\n");
    if (command == QLatin1String("quantize"))
        return tr("Usage: quantlens-cli quantize MODEL --mode float32|float16|dynamic|int8|16x8 -o OUT.tflite\n"
                  "                        [--io int8|uint8|int16|float] [--per-tensor] [--per-tensor-dense]\n"
                  "                        [--calibration minmax|moving-average|percentile:P|mse|kl]\n"
                  "                        [--calibration-data FILE] [--samples N] [--scale S] [--offset O]\n"
                  "                        [--keep-float LIST] [--min-elements N] [--json]\n"
                  "\n"
                  "Quantizes a float32 model as the TensorFlow Lite converter does and writes it atomically\n"
                  "(never over the input). int8 and 16x8 need calibration data.\n"
                  "  --mode float16          weights stored as float16, each feeding a DEQUANTIZE\n"
                  "  --mode dynamic          int8 weights, float activations (dynamic-range)\n"
                  "  --mode int8             int8 weights and activations, int32 bias\n"
                  "  --mode 16x8             int16 activations, int8 weights, int64 bias\n"
                  "  --io                    graph input/output type (int8 and 16x8; default: int8 / int16)\n"
                  "  --per-tensor            one scale per weight tensor instead of per output channel\n"
                  "  --per-tensor-dense      FULLY_CONNECTED weights per tensor (older converters; default: per channel)\n"
                  "  --calibration           how activation ranges are chosen (default minmax)\n"
                  "  --calibration-data      .npy with a leading sample dimension, IDX (.gz too), or a folder\n"
                  "                          of images (png, jpg, ...; sub-folders per class allowed), scaled\n"
                  "                          to the input's height x width, grey or RGB as the input needs;\n"
                  "                          a model of several inputs takes it once per input, in order\n"
                  "  --channel-order         rgb (default) or bgr, for images\n"
                  "  --samples N             calibration samples used (default 100)\n"
                  "  --ranges FILE           activation ranges written by `calibrate` (instead of calibrating)\n"
                  "  --scale S, --offset O   8-bit samples become x * S + O (default: the range the model's quantized input\n"
                  "                          stands for, else 1/255 and 0)\n"
                  "  --keep-float LIST       comma-separated operator indices, op types or output tensor\n"
                  "                          names that stay float\n"
                  "  --min-elements N        dynamic: weight tensors smaller than N stay float (default 1024)\n"
                  "  --ignore-model-ranges   int8/16x8: do not use activation ranges recorded in the model\n"
                  "                          (min/max written by quantization-aware training); without\n"
                  "                          calibration data those ranges are used on their own\n"
                  "  --json                  print a JSON object (output, bytes, size_ratio, notes, ...)\n");
    if (command == QLatin1String("analyze"))
        return tr(
            "Usage: quantlens-cli analyze MODEL --mode float16|dynamic|int8|16x8 [--per-tensor] [--data DATA]\n"
            "                        [--per-tensor-dense] [--min-elements N] [--bins N] [--no-histograms] [--json]\n"
            "       quantlens-cli analyze MODEL --bits 2..16 [--asymmetric] [--per-tensor] [--json]\n"
            "\n"
            "For every weighted operator (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, TRANSPOSE_CONV):\n"
            "the weights quantized as the mode does (or with a teaching scheme of any bit width), their\n"
            "error metrics (num_elements, stddev, mean_error, max_abs_error, mean_squared_error,\n"
            "rmse_over_scale, sqnr_db, cosine), per-channel ranges and scales, histograms of the float\n"
            "weights, the dequantized weights and the error, and a verdict (good / suspect / bad) with a\n"
            "reason. A quantized model is dequantized first.\n"
            "With --data DATA (IDX, .npy or a folder of images), also every operator output of the model\n"
            "quantized in MODE against the float model on --analysis-samples N samples (default 32): local\n"
            "error (the float activation quantized with that tensor's own parameters), propagated error (the\n"
            "quantized model's tensor against the float one), clipped fraction and a histogram with the range.\n"
            "Calibration uses --ranges or --calibration-data, else DATA itself.\n"
            "  --shard I/N --partial FILE  the activation analysis of shard I of N of the samples, for merge\n"
            "  --bits N          teaching scheme: N-bit codes for every weight tensor\n"
            "  --asymmetric      teaching scheme with a zero point (default symmetric)\n"
            "  --per-tensor      one scale per tensor instead of per output channel\n"
            "  --bins N          histogram bins (default 64)\n"
            "Verdicts: SQNR >= max(6.02 bits - 14, 25) dB good, >= max(6.02 bits - 26, 12) dB suspect, else\n"
            "bad (8 bits: 34.2 and 22.2 dB); a per-tensor scale over channels whose ranges differ 8x or more\n"
            "is suspect. Details: docs/analysis.md.\n");
    if (command == QLatin1String("eval"))
        return tr("Usage: quantlens-cli eval MODEL --data IMAGES [--labels LABELS]\n"
                  "                        [--modes float32,float16,dynamic,int8,16x8,original,w4] [--limit N]\n"
                  "                        [--calibration-data FILE] [options of quantize] [--threads N]\n"
                  "                        [--latency-runs N] [--json]\n"
                  "\n"
                  "Runs the model in each mode over a data set: top-1 and top-5 accuracy (with labels), agreement\n"
                  "with the float model's top-1, KL(float || mode) of the outputs (mean and percentiles),\n"
                  "confusion matrix, file size and bytes by dtype, median single-sample latency on this machine,\n"
                  "and a collapse warning naming the likely cause when agreement falls under 90% or accuracy drops\n"
                  "more than 5 points. A quantized model is dequantized for float32 and the other modes; 'original'\n"
                  "is the file as given (added by default for quantized files). Teaching modes simulate any weight\n"
                  "precision with float activations: w4 (4-bit symmetric per channel), w4a (asymmetric), w4t (per\n"
                  "tensor), w2 ... w16.\n"
                  "  --data     IDX (.gz too), .npy with a leading sample dimension, or a folder of images with one\n"
                  "             sub-folder per class (labels from the folder order)\n"
                  "  --labels   IDX or .npy labels, one per sample\n"
                  "  --calibration-data  for int8/16x8 (default: ranges recorded in the model, else the first\n"
                  "             --samples evaluation samples, which the output notes)\n"
                  "  --ranges FILE  activation ranges written by `calibrate` instead of calibrating here\n"
                  "  --shard I/N --partial FILE  evaluate only shard I of N (contiguous shares of the samples)\n"
                  "             and write its partial result to FILE for `merge` (calibration as one run does)\n");
    if (command == QLatin1String("calibrate"))
        return tr("Usage: quantlens-cli calibrate MODEL --calibration-data DATA -o RANGES.json\n"
                  "                        [--calibration minmax|moving-average|percentile:P|mse|kl] [--samples N]\n"
                  "                        [--scale S --offset O] [--channel-order rgb|bgr] [--ignore-model-ranges]\n"
                  "                        [--json]\n"
                  "\n"
                  "Calibrates the model's activation ranges once and writes them (with the model's SHA-256) to\n"
                  "RANGES.json. quantize, analyze, eval, sensitivity and report take --ranges RANGES.json instead\n"
                  "of calibration options and use exactly these ranges: calibrate once, then run the shards of a\n"
                  "cluster job with the same ranges. Ranges of another model are refused.\n");
    if (command == QLatin1String("merge"))
        return tr("Usage: quantlens-cli merge PARTIAL... [--json]\n"
                  "\n"
                  "Combines the partial results of `eval --shard I/N --partial FILE` (every shard, in any order)\n"
                  "into the evaluation one run over all samples gives, printed as eval prints it: the same numbers\n"
                  "bit for bit (latency is the first shard's). For `sensitivity --shard I/N --partial FILE`: the\n"
                  "ranking stage's shards give the ranking (with --json, the RANKING file of the selection stage,\n"
                  "`sensitivity --shard I/N --ranking RANKING`); both stages' shards together give what one\n"
                  "sensitivity run prints. A missing or repeated shard, or partials of another model, data set or\n"
                  "option set, are refused and named.\n");
    if (command == QLatin1String("report"))
        return tr("Usage: quantlens-cli report MODEL --data IMAGES [--labels LABELS] -o REPORT.html|REPORT.pdf\n"
                  "                        [--sensitivity [--budget B]] [--target NAME] [--tables DIR]\n"
                  "                        [--analysis-samples N] [options of eval]\n"
                  "\n"
                  "Writes one self-contained HTML file (charts as inline SVG, readable offline, printable): the\n"
                  "model, the settings with the SHA-256 of every input file and the command that regenerates the\n"
                  "report, the modes compared (eval's numbers) with an accuracy-against-size chart, the int8\n"
                  "weight error of every layer, the int8 activation error of every operator output, the worst\n"
                  "layers with their histograms and verdicts, and a confusion matrix per mode (with labels).\n"
                  "A .pdf holds the same on A4 pages (charts stay vectors). -o may be given twice (both files).\n"
                  "  --sensitivity         add the sensitivity of every layer in int8 and the layers to keep float\n"
                  "                        within --budget (default 0.01, as the sensitivity command)\n"
                  "  --target NAME|FILE    add the check of the file and of its int8 export against a target\n"
                  "                        (operators, RAM, flash; as info --target)\n"
                  "  --class-names FILE    names of the classes, one per line (default: the label file the model\n"
                  "                        carries, or Fashion-MNIST's for a 10-class model on Fashion-MNIST data)\n"
                  "  --tables DIR          also write the tables as CSV files and report.json into DIR\n"
                  "  --analysis-samples N  samples of the activation analysis (default 32)\n");
    if (command == QLatin1String("sensitivity"))
        return tr("Usage: quantlens-cli sensitivity MODEL --mode dynamic|int8|16x8|float16 --data DATA\n"
                  "                        [--labels LABELS] [--budget 0.01] [--limit N] [--calibration-data FILE]\n"
                  "                        [options of quantize] [--threads N] [--json]\n"
                  "\n"
                  "For each weighted layer: the metric with only that layer kept float, and with only that layer\n"
                  "quantized; a ranking (most sensitive first); and the fewest layers to keep float (greedy, the\n"
                  "most helpful first) so that the metric is within --budget of the float model. The metric is\n"
                  "top-1 accuracy with labels, else agreement with the float model's top-1. Feed the selection to\n"
                  "quantize --keep-float.\n"
                  "  --ranges FILE  activation ranges written by `calibrate` instead of calibrating here\n"
                  "  --shard I/N --partial FILE  the ranking stage on shard I of N of the samples, for `merge`\n"
                  "  --shard I/N --partial FILE --ranking RANKING  the selection stage (RANKING: merge --json\n"
                  "             of the ranking stage's partials)\n");
    if (command == QLatin1String("train"))
        return tr(
            "Usage: quantlens-cli train --data IMAGES --labels LABELS -o OUT.tflite\n"
            "                        [--test-data IMAGES --test-labels LABELS] [--epochs N] [--seed S]\n"
            "                        [--arch FILE.json] [--qat-epochs N] [--batch N] [--optimizer adam|sgd]\n"
            "                        [--lr RATE] [--momentum M] [--limit N] [--threads N] [--logits]\n"
            "                        [--int8-outputs] [--export-batch N] [--json]\n"
            "\n"
            "Trains a small CNN (default: Reshape 28x28x1, Conv2D 12 3x3 + ReLU, MaxPool 2x2, Flatten,\n"
            "Dense) with softmax cross-entropy and writes it as a float32 .tflite (pixels / 255 in,\n"
            "probabilities out). Data: IDX (.gz too) or .npy, 8-bit pixels scaled by 1/255.\n"
            "  --epochs N         float training epochs (default 5)\n"
            "  --seed S           initial weights, shuffling and dropout (default 1); same seed, same model\n"
            "  --arch FILE.json   layer list: {\"layers\": [{\"type\": \"conv2d\", \"filters\": 12,\n"
            "                     \"kernel\": 3, \"strides\": 1, \"padding\": \"valid\", \"activation\": \"relu\"},\n"
            "                     {\"type\": \"max_pool2d\", \"pool\": 2}, {\"type\": \"flatten\"},\n"
            "                     {\"type\": \"dense\", \"units\": 10}]}; also reshape (shape), average_pool2d,\n"
            "                     relu, relu6, dropout (rate)\n"
            "  --qat-epochs N     then fine-tune N epochs with fake quantization (int8 weights per channel,\n"
            "                     moving-average activation ranges) and write OUT-qat.tflite, a float model\n"
            "                     whose tensors record the learned ranges for `quantize --mode int8`\n"
            "                     With a test set, accuracies are reported for float, PTQ int8, QAT int8 and\n"
            "                     float_finetuned (the float model trained as long again without fake\n"
            "                     quantization: the fair baseline for QAT's gain)\n"
            "  --qat-lr RATE      learning rate of the QAT epochs (default 0.0001)\n"
            "  --int8-outputs     also write OUT-ptq-int8.tflite (post-training, calibrated on 200 training\n"
            "                     samples) and, with QAT, OUT-qat-int8.tflite (from the learned ranges)\n"
            "  --batch N          mini-batch size (default 32); --lr (default 0.001); --optimizer adam|sgd\n"
            "  --limit N          use only the first N training samples\n"
            "  --logits           end the model with the logits instead of SOFTMAX\n"
            "  --export-batch N   leading dimension of the exported models' input (default 1)\n"
            "  --json             progress as JSON lines, then one result object\n");
    if (command == QLatin1String("bench"))
        return tr("Usage: quantlens-cli bench MODEL [--runs N] [--warmup W] [--threads T] [--signature KEY]\n"
                  "                          [--rounding reference|xnnpack] [--input FILE.npy ...] [--json]\n"
                  "\n"
                  "Times invocations after W (default 5) untimed ones; N defaults to 50. Inputs are zeros\n"
                  "unless given. JSON has median_ms, min_ms, mean_ms, max_ms, load_ms, arena_bytes.\n");
    return usage();
}

Args parseArgs(const QStringList& args, const QStringList& withValue, const QStringList& knownFlags)
{
    Args a;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& s = args[i];
        if (!s.startsWith(QLatin1Char('-')) || s == QLatin1String("-")) {
            a.positional << s;
        } else if (withValue.contains(s)) {
            if (i + 1 >= args.size()) {
                a.error = tr("option %1 needs a value").arg(s);
                return a;
            }
            a.options[s] << args[++i];
        } else if (knownFlags.contains(s)) {
            a.flags << s;
        } else {
            a.error = tr("unknown option %1").arg(s);
            return a;
        }
    }
    return a;
}

namespace {

int info(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args, {QStringLiteral("--target")}, {QStringLiteral("--json")});
    const QString targetName = a.value(QStringLiteral("--target"));
    if (targetName == QLatin1String("list")) { // the profiles there are, with what they stand for
        auto all = app::loadProfiles();
        if (!all)
            return fail(err, all.error());
        for (const auto& p : *all)
            out << QString::fromStdString(p.name) << "  " << QString::fromStdString(p.title) << '\n';
        return Ok;
    }
    if (!a.error.isEmpty() || a.positional.size() != 1) {
        err << (a.error.isEmpty() ? tr("info needs exactly one model file") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("info"));
        return Usage;
    }
    const QString path = a.positional.front();
    auto g = model::readTflite(path.toStdString());
    if (!g) {
        return fail(err, g.error());
    }
    std::optional<target::Profile> profile;
    if (!targetName.isEmpty()) {
        auto p = app::findProfile(targetName);
        if (!p)
            return fail(err, p.error());
        profile = std::move(*p);
    }
    const auto fileBytes = static_cast<std::int64_t>(QFileInfo(path).size());
    if (a.flags.contains(QStringLiteral("--json"))) {
        QJsonObject o = modelInfoJson(*g, path);
        if (profile)
            o[QStringLiteral("target")] = targetCheckJson(*g, *profile, fileBytes);
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out << modelInfoTable(*g, path);
        if (profile)
            out << '\n' << targetCheckText(*g, *profile, fileBytes);
    }
    return Ok;
}

int rewrite(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args, {QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("--batch")},
        {QStringLiteral("--external-buffers"), QStringLiteral("--expose-intermediates")});
    const QString output = a.value(QStringLiteral("-o"), a.value(QStringLiteral("--output")));
    if (!a.error.isEmpty() || a.positional.size() != 1 || output.isEmpty()) {
        err << (a.error.isEmpty() ? tr("rewrite needs one model file and -o OUT") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("rewrite"));
        return Usage;
    }
    auto g = model::readTflite(a.positional.front().toStdString());
    if (!g) {
        return fail(err, g.error());
    }
    if (a.flags.contains(QStringLiteral("--expose-intermediates")))
        model::exposeIntermediates(*g);
    if (const QString b = a.value(QStringLiteral("--batch")); !b.isEmpty()) {
        bool ok = false;
        const int batch = b.toInt(&ok);
        if (!ok || batch < 1) {
            err << tr("--batch must be a positive integer, got '%1'").arg(b) << '\n';
            return Usage;
        }
        auto rebatched = model::withBatch(*g, batch);
        if (!rebatched)
            return fail(err, rebatched.error());
        g = std::move(rebatched);
    }
    model::WriteOptions opts;
    opts.externalBuffers = a.flags.contains(QStringLiteral("--external-buffers"));
    if (auto st = model::writeTflite(*g, output.toStdString(), opts); !st) {
        return fail(err, st.error());
    }
    out << tr("wrote %1").arg(output) << '\n';
    return Ok;
}

} // namespace

int fail(QTextStream& err, const std::string& message)
{
    err << tr("error: %1").arg(qs(message)) << '\n';
    return Failed;
}

int run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty()) {
        err << usage();
        return Usage;
    }
    const QString command = args.front();
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out << commandHelp(rest.value(0));
        return Ok;
    }
    if (rest.contains(QStringLiteral("--help")) || rest.contains(QStringLiteral("-h"))) {
        out << commandHelp(command);
        return Ok;
    }
    if (command == QLatin1String("--version")) {
        out << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    if (command == QLatin1String("info"))
        return info(rest, out, err);
    if (command == QLatin1String("rewrite"))
        return rewrite(rest, out, err);
    if (command == QLatin1String("run"))
        return runCommand(rest, out, err);
    if (command == QLatin1String("bench"))
        return benchCommand(rest, out, err);
    if (command == QLatin1String("quantize"))
        return quantizeCommand(rest, out, err);
    if (command == QLatin1String("train"))
        return trainCommand(rest, out, err);
    if (command == QLatin1String("analyze"))
        return analyzeCommand(rest, out, err);
    if (command == QLatin1String("eval"))
        return evalCommand(rest, out, err);
    if (command == QLatin1String("merge"))
        return mergeCommand(rest, out, err);
    if (command == QLatin1String("calibrate"))
        return calibrateCommand(rest, out, err);
    if (command == QLatin1String("sensitivity"))
        return sensitivityCommand(rest, out, err);
    if (command == QLatin1String("report"))
        return reportCommand(rest, out, err);
    if (command == QLatin1String("diff"))
        return diffCommand(rest, out, err);
    if (command == QLatin1String("rules")) {
        if (!rest.isEmpty()) {
            err << tr("rules takes no arguments") << '\n';
            return Usage;
        }
        out << qs(quant::operatorRulesMarkdown());
        return Ok;
    }
    err << tr("unknown command '%1'").arg(command) << "\n\n" << usage();
    return Usage;
}

} // namespace ql::cli
