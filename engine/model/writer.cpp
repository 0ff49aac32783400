// SPDX-License-Identifier: MIT
#include "model/writer.h"

#include "model/validate.h"
#include "model/zip_tail.h"

#include <flatbuffers/flatbuffers.h>

namespace ql::model {

namespace {

namespace fb = flatbuffers;

constexpr std::size_t kDataAlignment = 16;
// Above this much constant data the flatbuffer could pass 2 GiB; the data then go after it.
constexpr std::uint64_t kInlineLimit = (std::uint64_t{1} << 31) - (std::uint64_t{1} << 26);

std::uint64_t alignUp(std::uint64_t v)
{
    return (v + kDataAlignment - 1) / kDataAlignment * kDataAlignment;
}

class Builder {
public:
    // `dataOffsets` empty: constant data inline; otherwise the absolute offset of each buffer.
    Builder(const Graph& g, const std::vector<std::uint64_t>& dataOffsets)
        : m_g(g)
        , m_offsets(dataOffsets)
    {
    }

    std::vector<std::uint8_t> build()
    {
        const auto buffers = writeBuffers();
        std::vector<fb::Offset<tflite::OperatorCode>> codes;
        for (const auto& c : m_g.opcodes) {
            const auto custom = c.customCode.empty() ? 0 : m_fbb.CreateString(c.customCode);
            const int code = static_cast<int>(c.builtin);
            tflite::OperatorCodeBuilder b(m_fbb);
            b.add_deprecated_builtin_code(static_cast<std::int8_t>(std::min(code, 127)));
            if (custom.o)
                b.add_custom_code(custom);
            b.add_version(c.version);
            b.add_builtin_code(c.builtin);
            codes.push_back(b.Finish());
        }
        std::vector<fb::Offset<tflite::SubGraph>> subgraphs;
        for (const auto& sg : m_g.subgraphs)
            subgraphs.push_back(writeSubgraph(sg));
        std::vector<fb::Offset<tflite::Metadata>> metadata;
        for (const auto& m : m_g.metadata)
            metadata.push_back(tflite::CreateMetadata(m_fbb, m_fbb.CreateString(m.name), m.buffer));
        std::vector<fb::Offset<tflite::SignatureDef>> signatures;
        for (const auto& s : m_g.signatureDefs)
            signatures.push_back(writeSignature(s));

        const auto codesV = m_fbb.CreateVector(codes);
        const auto subgraphsV = m_fbb.CreateVector(subgraphs);
        const auto description = m_fbb.CreateString(m_g.description);
        const auto metadataBufferV = m_g.metadataBuffer.empty() ? 0 : m_fbb.CreateVector(m_g.metadataBuffer);
        const auto metadataV = metadata.empty() ? 0 : m_fbb.CreateVector(metadata);
        const auto signaturesV = signatures.empty() ? 0 : m_fbb.CreateVector(signatures);
        std::vector<fb::Offset<tflite::ExternalBufferGroup>> groups;
        for (const auto& e : m_g.externalBufferGroups)
            groups.push_back(tflite::CreateExternalBufferGroup(m_fbb, m_fbb.CreateString(e.name)));
        std::vector<fb::Offset<tflite::ExternalBuffer>> externals;
        for (const auto& e : m_g.externalBuffers)
            externals.push_back(
                tflite::CreateExternalBuffer(m_fbb, e.id, e.group, e.offset, e.length, m_fbb.CreateString(e.packing)));
        const auto groupsV = groups.empty() ? 0 : m_fbb.CreateVector(groups);
        const auto externalsV = externals.empty() ? 0 : m_fbb.CreateVector(externals);
        tflite::ModelBuilder mb(m_fbb);
        mb.add_version(m_g.version);
        mb.add_operator_codes(codesV);
        mb.add_subgraphs(subgraphsV);
        mb.add_description(description);
        mb.add_buffers(buffers);
        if (metadataBufferV.o)
            mb.add_metadata_buffer(metadataBufferV);
        if (metadataV.o)
            mb.add_metadata(metadataV);
        if (signaturesV.o)
            mb.add_signature_defs(signaturesV);
        if (groupsV.o)
            mb.add_external_buffer_groups(groupsV);
        if (externalsV.o)
            mb.add_external_buffers(externalsV);
        tflite::FinishModelBuffer(m_fbb, mb.Finish());
        return {m_fbb.GetBufferPointer(), m_fbb.GetBufferPointer() + m_fbb.GetSize()};
    }

private:
    fb::Offset<fb::Vector<fb::Offset<tflite::Buffer>>> writeBuffers()
    {
        std::vector<fb::Offset<tflite::Buffer>> out;
        out.reserve(m_g.buffers.size());
        for (std::size_t i = 0; i < m_g.buffers.size(); ++i) {
            const auto data = m_g.buffers[i].data;
            if (data.empty()) {
                out.push_back(tflite::CreateBuffer(m_fbb));
            } else if (!m_offsets.empty()) {
                out.push_back(tflite::CreateBuffer(m_fbb, 0, m_offsets[i], data.size()));
            } else {
                m_fbb.ForceVectorAlignment(data.size(), 1, kDataAlignment);
                out.push_back(tflite::CreateBuffer(m_fbb, m_fbb.CreateVector(data.data(), data.size())));
            }
        }
        return m_fbb.CreateVector(out);
    }

    fb::Offset<tflite::QuantizationParameters> writeQuantization(const Quantization& q)
    {
        if (q.empty())
            return 0;
        auto vec = [&](const auto& v) { return v.empty() ? 0 : m_fbb.CreateVector(v); };
        const auto min = vec(q.min);
        const auto max = vec(q.max);
        const auto scale = vec(q.scale);
        const auto zeroPoint = vec(q.zeroPoint);
        const auto details = q.details.Pack(m_fbb);
        tflite::QuantizationParametersBuilder b(m_fbb);
        if (min.o)
            b.add_min(min);
        if (max.o)
            b.add_max(max);
        if (scale.o)
            b.add_scale(scale);
        if (zeroPoint.o)
            b.add_zero_point(zeroPoint);
        if (q.details.type != tflite::QuantizationDetails::NONE) {
            b.add_details_type(q.details.type);
            b.add_details(details);
        }
        b.add_quantized_dimension(q.quantizedDimension);
        return b.Finish();
    }

    fb::Offset<tflite::Tensor> writeTensor(const Tensor& t)
    {
        const auto shape = m_fbb.CreateVector(t.shape);
        const auto name = m_fbb.CreateString(t.name);
        const auto quant = writeQuantization(t.quantization);
        const auto sparsity = t.sparsity ? tflite::CreateSparsityParameters(m_fbb, t.sparsity.get()) : 0;
        const auto signature = t.shapeSignature.empty() ? 0 : m_fbb.CreateVector(t.shapeSignature);
        std::vector<fb::Offset<tflite::VariantSubType>> variants;
        for (const auto& v : t.variantTensors)
            variants.push_back(tflite::CreateVariantSubType(
                m_fbb, m_fbb.CreateVector(v.shape), static_cast<tflite::TensorType>(v.dtype), v.hasRank));
        const auto variantsV = variants.empty() ? 0 : m_fbb.CreateVector(variants);
        tflite::TensorBuilder b(m_fbb);
        b.add_shape(shape);
        b.add_type(static_cast<tflite::TensorType>(t.dtype));
        b.add_buffer(t.buffer);
        b.add_name(name);
        if (quant.o)
            b.add_quantization(quant);
        b.add_is_variable(t.isVariable);
        if (sparsity.o)
            b.add_sparsity(sparsity);
        if (signature.o)
            b.add_shape_signature(signature);
        b.add_has_rank(t.hasRank);
        if (variantsV.o)
            b.add_variant_tensors(variantsV);
        b.add_external_buffer(t.externalBuffer);
        return b.Finish();
    }

    fb::Offset<tflite::Operator> writeOperator(const Operator& op)
    {
        const auto inputs = m_fbb.CreateVector(op.inputs);
        const auto outputs = m_fbb.CreateVector(op.outputs);
        const auto options = op.options.Pack(m_fbb);
        const auto options2 = op.options2.Pack(m_fbb);
        const auto custom = op.customOptions.empty() ? 0 : m_fbb.CreateVector(op.customOptions);
        fb::Offset<fb::Vector<std::uint8_t>> mutating = 0;
        if (!op.mutatingVariableInputs.empty()) {
            std::vector<std::uint8_t> flags(op.mutatingVariableInputs.begin(), op.mutatingVariableInputs.end());
            mutating = m_fbb.CreateVector(flags);
        }
        const auto intermediates = op.intermediates.empty() ? 0 : m_fbb.CreateVector(op.intermediates);
        tflite::OperatorBuilder b(m_fbb);
        b.add_opcode_index(op.opcodeIndex);
        b.add_inputs(inputs);
        b.add_outputs(outputs);
        if (op.options.type != tflite::BuiltinOptions::NONE) {
            b.add_builtin_options_type(op.options.type);
            b.add_builtin_options(options);
        }
        if (custom.o)
            b.add_custom_options(custom);
        b.add_custom_options_format(op.customOptionsFormat);
        if (mutating.o)
            b.add_mutating_variable_inputs(mutating);
        if (intermediates.o)
            b.add_intermediates(intermediates);
        if (op.options2.type != tflite::BuiltinOptions2::NONE) {
            b.add_builtin_options_2_type(op.options2.type);
            b.add_builtin_options_2(options2);
        }
        b.add_debug_metadata_index(op.debugMetadataIndex);
        return b.Finish();
    }

    fb::Offset<tflite::SubGraph> writeSubgraph(const Subgraph& sg)
    {
        std::vector<fb::Offset<tflite::Tensor>> tensors;
        tensors.reserve(sg.tensors.size());
        for (const auto& t : sg.tensors)
            tensors.push_back(writeTensor(t));
        std::vector<fb::Offset<tflite::Operator>> ops;
        ops.reserve(sg.operators.size());
        for (const auto& op : sg.operators)
            ops.push_back(writeOperator(op));
        const auto tensorsV = m_fbb.CreateVector(tensors);
        const auto inputs = m_fbb.CreateVector(sg.inputs);
        const auto outputs = m_fbb.CreateVector(sg.outputs);
        const auto opsV = m_fbb.CreateVector(ops);
        const auto name = sg.name.empty() ? 0 : m_fbb.CreateString(sg.name);
        tflite::SubGraphBuilder b(m_fbb);
        b.add_tensors(tensorsV);
        b.add_inputs(inputs);
        b.add_outputs(outputs);
        b.add_operators(opsV);
        if (name.o)
            b.add_name(name);
        b.add_debug_metadata_index(sg.debugMetadataIndex);
        return b.Finish();
    }

    fb::Offset<tflite::SignatureDef> writeSignature(const SignatureDef& s)
    {
        auto maps = [&](const std::vector<SignatureTensor>& list) {
            std::vector<fb::Offset<tflite::TensorMap>> v;
            for (const auto& m : list)
                v.push_back(tflite::CreateTensorMap(m_fbb, m_fbb.CreateString(m.name), m.tensorIndex));
            return m_fbb.CreateVector(v);
        };
        const auto inputs = maps(s.inputs);
        const auto outputs = maps(s.outputs);
        const auto key = m_fbb.CreateString(s.key);
        tflite::SignatureDefBuilder b(m_fbb);
        b.add_inputs(inputs);
        b.add_outputs(outputs);
        b.add_signature_key(key);
        b.add_subgraph_index(s.subgraphIndex);
        return b.Finish();
    }

    const Graph& m_g;
    const std::vector<std::uint64_t>& m_offsets;
    fb::FlatBufferBuilder m_fbb{1 << 16};
};

void appendPadded(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> data)
{
    out.resize(alignUp(out.size()), 0);
    out.insert(out.end(), data.begin(), data.end());
}

} // namespace

Result<std::vector<std::uint8_t>> serializeTflite(const Graph& g, const WriteOptions& options)
{
    if (auto st = validate(g); !st)
        return Error{"cannot write an invalid graph: " + st.error().message};

    std::uint64_t dataBytes = 0;
    for (const auto& b : g.buffers)
        dataBytes += alignUp(b.data.size());
    const bool external = options.externalBuffers || dataBytes > kInlineLimit;

    std::vector<std::uint8_t> out;
    if (!external) {
        out = Builder(g, {}).build();
    } else {
        // Offsets are absolute, so they depend on the flatbuffer's size; the offset fields have a
        // fixed width, so a first build with placeholders has exactly the final size.
        std::vector<std::uint64_t> offsets(g.buffers.size(), 2);
        const std::size_t flatSize = Builder(g, offsets).build().size();
        std::uint64_t at = alignUp(flatSize);
        for (std::size_t i = 0; i < g.buffers.size(); ++i) {
            offsets[i] = at;
            at = alignUp(at + g.buffers[i].data.size());
        }
        out = Builder(g, offsets).build();
        if (out.size() != flatSize)
            return Error{"internal error: the model's size changed between the two passes of the writer"};
        for (const auto& b : g.buffers)
            if (!b.data.empty())
                appendPadded(out, b.data);
    }
    if (!g.associatedFiles.empty()) {
        out.resize(alignUp(out.size()), 0);
        const auto zip = relocateZip(g.associatedFiles, g.associatedFilesOffset, out.size());
        out.insert(out.end(), zip.begin(), zip.end());
    }
    return out;
}

Status writeTflite(const Graph& g, const std::string& path, const WriteOptions& options)
{
    auto bytes = serializeTflite(g, options);
    if (!bytes)
        return withContext(path, bytes.error());
    return writeFileAtomically(path, bytes.value());
}

} // namespace ql::model
