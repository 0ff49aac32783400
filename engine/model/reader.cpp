// SPDX-License-Identifier: MIT
#include "model/reader.h"

#include "model/validate.h"
#include "model/zip_tail.h"

#include <flatbuffers/flatbuffers.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>

namespace ql::model {

namespace {

static_assert(FLATBUFFERS_LITTLEENDIAN, "the reader copies little-endian scalars as they are");

// Copies a vector of scalars. The verifier only checks that a vector's length prefix is 4-byte
// aligned, so 8-byte elements in a hostile file may be misaligned: copy bytes, never dereference.
template <class T> std::vector<T> toVector(const flatbuffers::Vector<T>* v)
{
    static_assert(std::is_arithmetic_v<T>);
    if (!v)
        return {};
    std::vector<T> out(v->size());
    if (!out.empty())
        std::memcpy(out.data(), v->Data(), out.size() * sizeof(T));
    return out;
}

std::string toString(const flatbuffers::String* s)
{
    return s ? s->str() : std::string{};
}

std::string opcodeContext(std::size_t i)
{
    return "operator code " + std::to_string(i);
}

Result<Quantization> readQuantization(const tflite::QuantizationParameters* q)
{
    Quantization out;
    if (!q)
        return out;
    out.min = toVector(q->min());
    out.max = toVector(q->max());
    out.scale = toVector(q->scale());
    out.zeroPoint = toVector(q->zero_point());
    out.quantizedDimension = q->quantized_dimension();
    const auto type = q->details_type();
    if (static_cast<int>(type) > static_cast<int>(tflite::QuantizationDetails::MAX))
        return Error{"quantization details of unknown type " + std::to_string(static_cast<int>(type))};
    if (type != tflite::QuantizationDetails::NONE) {
        if (!q->details())
            return Error{"quantization details type is set but the details are missing"};
        out.details.type = type;
        out.details.value = tflite::QuantizationDetailsUnion::UnPack(q->details(), type, nullptr);
    }
    return out;
}

// A dimension's segments and indices are unions: a type without its value, or a type this schema does not
// know, would unpack to a null member that writing the model back dereferences.
std::optional<std::string> checkSparsityUnions(const tflite::SparsityParameters* sp)
{
    const auto* dims = sp->dim_metadata();
    if (!dims)
        return std::nullopt;
    for (flatbuffers::uoffset_t l = 0; l < dims->size(); ++l) {
        const auto* d = dims->Get(l);
        const auto check = [&](tflite::SparseIndexVector type, const void* value,
                               const char* what) -> std::optional<std::string> {
            if (type > tflite::SparseIndexVector::MAX)
                return "sparsity dimension " + std::to_string(l) + " has " + what + " of unknown type " +
                       std::to_string(static_cast<int>(type));
            if (type != tflite::SparseIndexVector::NONE && !value)
                return "sparsity dimension " + std::to_string(l) + " declares " + what + " but they are missing";
            return std::nullopt;
        };
        if (auto bad = check(d->array_segments_type(), d->array_segments(), "array segments"))
            return bad;
        if (auto bad = check(d->array_indices_type(), d->array_indices(), "array indices"))
            return bad;
    }
    return std::nullopt;
}

Result<Tensor> readTensor(const tflite::Tensor* t)
{
    Tensor out;
    out.name = toString(t->name());
    if (!isKnownDType(static_cast<std::int64_t>(t->type())))
        return Error{"unknown element type " + std::to_string(static_cast<int>(t->type()))};
    out.dtype = static_cast<DType>(t->type());
    out.shape = toVector(t->shape());
    out.shapeSignature = toVector(t->shape_signature());
    out.buffer = t->buffer();
    out.isVariable = t->is_variable();
    out.hasRank = t->has_rank();
    out.externalBuffer = t->external_buffer();
    auto q = readQuantization(t->quantization());
    if (!q)
        return q.error();
    out.quantization = std::move(q.value());
    if (const auto* sp = t->sparsity()) {
        if (auto bad = checkSparsityUnions(sp))
            return Error{"tensor '" + out.name + "': " + *bad};
        out.sparsity.reset(sp->UnPack());
    }
    if (const auto* vts = t->variant_tensors()) {
        for (const auto* vt : *vts) {
            if (!isKnownDType(static_cast<std::int64_t>(vt->type())))
                return Error{
                    "variant sub-type has unknown element type " + std::to_string(static_cast<int>(vt->type()))};
            out.variantTensors.push_back({toVector(vt->shape()), static_cast<DType>(vt->type()), vt->has_rank()});
        }
    }
    return out;
}

Result<Operator> readOperator(const tflite::Operator* op, std::span<const std::uint8_t> file)
{
    Operator out;
    out.opcodeIndex = op->opcode_index();
    out.inputs = toVector(op->inputs());
    out.outputs = toVector(op->outputs());
    out.intermediates = toVector(op->intermediates());
    out.customOptionsFormat = op->custom_options_format();
    out.debugMetadataIndex = op->debug_metadata_index();

    const auto type = op->builtin_options_type();
    if (static_cast<int>(type) > static_cast<int>(tflite::BuiltinOptions::MAX))
        return Error{"builtin options of unknown type " + std::to_string(static_cast<int>(type))};
    if (type != tflite::BuiltinOptions::NONE) {
        if (!op->builtin_options())
            return Error{"builtin options type " + std::string(tflite::EnumNameBuiltinOptions(type)) +
                " is set but the options table is missing"};
        out.options.type = type;
        out.options.value = tflite::BuiltinOptionsUnion::UnPack(op->builtin_options(), type, nullptr);
    }
    const auto type2 = op->builtin_options_2_type();
    if (static_cast<int>(type2) > static_cast<int>(tflite::BuiltinOptions2::MAX))
        return Error{"builtin options (second set) of unknown type " + std::to_string(static_cast<int>(type2))};
    if (type2 != tflite::BuiltinOptions2::NONE) {
        if (!op->builtin_options_2())
            return Error{"builtin options type " + std::string(tflite::EnumNameBuiltinOptions2(type2)) +
                " is set but the options table is missing"};
        out.options2.type = type2;
        out.options2.value = tflite::BuiltinOptions2Union::UnPack(op->builtin_options_2(), type2, nullptr);
    }

    if (const auto* mvi = op->mutating_variable_inputs())
        out.mutatingVariableInputs.assign(mvi->begin(), mvi->end());

    out.customOptions = toVector(op->custom_options());
    if (op->large_custom_options_offset() > 1) {
        const std::uint64_t off = op->large_custom_options_offset();
        const std::uint64_t size = op->large_custom_options_size();
        if (off > file.size() || size > file.size() - off)
            return Error{"large custom options at offset " + std::to_string(off) + " with size " +
                std::to_string(size) + " lie outside the file (" + std::to_string(file.size()) + " bytes)"};
        out.customOptions.assign(
            file.begin() + static_cast<std::ptrdiff_t>(off), file.begin() + static_cast<std::ptrdiff_t>(off + size));
    }
    return out;
}

Result<Subgraph> readSubgraph(const tflite::SubGraph* sg, std::span<const std::uint8_t> file)
{
    Subgraph out;
    out.name = toString(sg->name());
    out.inputs = toVector(sg->inputs());
    out.outputs = toVector(sg->outputs());
    out.debugMetadataIndex = sg->debug_metadata_index();
    if (const auto* tensors = sg->tensors()) {
        out.tensors.reserve(tensors->size());
        for (flatbuffers::uoffset_t i = 0; i < tensors->size(); ++i) {
            auto t = readTensor(tensors->Get(i));
            if (!t)
                return withContext("tensor " + std::to_string(i), t.error());
            out.tensors.push_back(std::move(t.value()));
        }
    }
    if (const auto* ops = sg->operators()) {
        out.operators.reserve(ops->size());
        for (flatbuffers::uoffset_t i = 0; i < ops->size(); ++i) {
            auto op = readOperator(ops->Get(i), file);
            if (!op)
                return withContext("operator " + std::to_string(i), op.error());
            out.operators.push_back(std::move(op.value()));
        }
    }
    return out;
}

Result<Buffer> readBuffer(const tflite::Buffer* b, std::span<const std::uint8_t> file)
{
    Buffer out;
    if (b->offset() > 1) {
        // The form for models over 2 GB: data live after the flatbuffer, at an absolute offset.
        const std::uint64_t off = b->offset();
        const std::uint64_t size = b->size();
        if (off > file.size() || size > file.size() - off)
            return Error{"data at offset " + std::to_string(off) + " with size " + std::to_string(size) +
                " lie outside the file (" + std::to_string(file.size()) + " bytes)"};
        out.data = file.subspan(static_cast<std::size_t>(off), static_cast<std::size_t>(size));
        out.external = true;
        if (b->data() && b->data()->size() > 0)
            return Error{"has both inline data and an offset"};
    } else if (b->data()) {
        out.data = {b->data()->data(), b->data()->size()};
    }
    return out;
}

Result<SignatureDef> readSignature(const tflite::SignatureDef* s)
{
    SignatureDef out;
    out.key = toString(s->signature_key());
    out.subgraphIndex = s->subgraph_index();
    auto readMaps = [](const auto* maps, std::vector<SignatureTensor>& into) {
        if (!maps)
            return;
        for (const auto* m : *maps)
            into.push_back({toString(m->name()), m->tensor_index()});
    };
    readMaps(s->inputs(), out.inputs);
    readMaps(s->outputs(), out.outputs);
    return out;
}

Result<Graph> convert(const tflite::Model* m, std::shared_ptr<const MappedFile> file)
{
    const auto bytes = file->bytes();
    Graph g;
    g.version = m->version();
    g.description = toString(m->description());
    if (const auto* codes = m->operator_codes()) {
        for (flatbuffers::uoffset_t i = 0; i < codes->size(); ++i) {
            const auto* c = codes->Get(i);
            OperatorCode oc;
            // Files written before builtin codes outgrew a byte only have the deprecated field.
            const int code = std::max<int>(c->deprecated_builtin_code(), static_cast<int>(c->builtin_code()));
            if (code < 0 || code > static_cast<int>(tflite::BuiltinOperator::MAX))
                return Error{opcodeContext(i) + ": unknown builtin operator code " + std::to_string(code)};
            oc.builtin = static_cast<tflite::BuiltinOperator>(code);
            oc.customCode = toString(c->custom_code());
            oc.version = c->version();
            g.opcodes.push_back(std::move(oc));
        }
    }
    if (const auto* bufs = m->buffers()) {
        g.buffers.reserve(bufs->size());
        for (flatbuffers::uoffset_t i = 0; i < bufs->size(); ++i) {
            auto b = readBuffer(bufs->Get(i), bytes);
            if (!b)
                return withContext("buffer " + std::to_string(i), b.error());
            g.buffers.push_back(std::move(b.value()));
        }
    }
    if (const auto* sgs = m->subgraphs()) {
        for (flatbuffers::uoffset_t i = 0; i < sgs->size(); ++i) {
            auto sg = readSubgraph(sgs->Get(i), bytes);
            if (!sg)
                return withContext("subgraph " + std::to_string(i), sg.error());
            g.subgraphs.push_back(std::move(sg.value()));
        }
    }
    g.metadataBuffer = toVector(m->metadata_buffer());
    if (const auto* md = m->metadata())
        for (const auto* e : *md)
            g.metadata.push_back({toString(e->name()), e->buffer()});
    if (const auto* sigs = m->signature_defs()) {
        for (flatbuffers::uoffset_t i = 0; i < sigs->size(); ++i) {
            auto s = readSignature(sigs->Get(i));
            if (!s)
                return withContext("signature " + std::to_string(i), s.error());
            g.signatureDefs.push_back(std::move(s.value()));
        }
    }
    if (const auto* groups = m->external_buffer_groups())
        for (const auto* e : *groups)
            g.externalBufferGroups.push_back({toString(e->name())});
    if (const auto* ebs = m->external_buffers())
        for (const auto* e : *ebs)
            g.externalBuffers.push_back({e->id(), e->group(), e->offset(), e->length(), toString(e->packing())});
    g.associatedFiles = findZipTail(bytes);
    g.associatedFilesOffset =
        g.associatedFiles.empty() ? 0 : static_cast<std::uint64_t>(g.associatedFiles.data() - bytes.data());
    g.fileSize = bytes.size();
    g.file = std::move(file);
    return g;
}

} // namespace

Result<Graph> readTflite(const std::string& path)
{
    auto file = MappedFile::open(path);
    if (!file)
        return file.error();
    return readTflite(std::move(file.value()));
}

Result<Graph> readTflite(std::shared_ptr<const MappedFile> file)
{
    const std::string name = file->path();
    const auto bytes = file->bytes();
    if (bytes.size() < 8)
        return Error{name + ": not a TFLite model: the file has only " + std::to_string(bytes.size()) + " bytes"};
    if (std::memcmp(bytes.data() + 4, tflite::ModelIdentifier(), 4) != 0) {
        std::string id;
        for (std::size_t i = 4; i < 8; ++i) {
            const char c = static_cast<char>(bytes[i]);
            static const char* hex = "0123456789abcdef";
            id += (c >= 0x20 && c < 0x7f) ? std::string(1, c)
                                          : std::string{'\\', 'x', hex[bytes[i] >> 4], hex[bytes[i] & 15]};
        }
        return Error{name + ": not a TFLite model: file identifier is '" + id + "', expected 'TFL3'"};
    }
    // The verifier cannot address more than 2 GiB; larger models keep their data outside the
    // flatbuffer (checked by readBuffer), so the flatbuffer itself lies in the first 2 GiB.
    const std::size_t verifiable = std::min<std::size_t>(bytes.size(), FLATBUFFERS_MAX_BUFFER_SIZE - 1);
    flatbuffers::Verifier verifier(bytes.data(), verifiable, /*max_depth=*/64, /*max_tables=*/10'000'000);
    if (!tflite::VerifyModelBuffer(verifier))
        return Error{name + ": damaged or truncated model: the FlatBuffers verifier rejected it (" +
            std::to_string(bytes.size()) + " bytes)"};

    auto g = convert(tflite::GetModel(bytes.data()), std::move(file));
    if (!g)
        return withContext(name, g.error());
    if (auto st = validate(g.value()); !st)
        return withContext(name, st.error());
    return g;
}

} // namespace ql::model
