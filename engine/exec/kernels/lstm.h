// SPDX-License-Identifier: MIT
// The integer LSTM, which UNIDIRECTIONAL_SEQUENCE_LSTM's prepare hands int8 inputs to.
#pragma once

#include "exec/kernels/common.h"

namespace ql::exec {

Prepared prepareIntegerLstm(NodeContext& ctx, const tflite::UnidirectionalSequenceLSTMOptionsT& o);

} // namespace ql::exec
