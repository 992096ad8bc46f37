"""The MiniLM forward pass in numpy: shapes, unit length, known similarities, padding."""

from __future__ import annotations

import math

import numpy as np
import pytest

from crampcoach.intake.embedding import Encoder, gelu, load_encoder, model_available, model_folder

# The similarity matrix the sentence-transformers documentation publishes for these three
# sentences under all-MiniLM-L6-v2 (quickstart), to four decimals.
PUBLISHED = (
    ("The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."),
    ((1.0, 0.6660, 0.1046), (0.6660, 1.0, 0.1411), (0.1046, 0.1411, 1.0)),
)


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return load_encoder()


def test_the_model_packages_are_installed_and_found() -> None:
    assert model_available()
    folder = model_folder()
    assert (folder / "tokenizer.json").is_file()
    assert (folder / "1_Pooling" / "config.json").is_file()


def test_the_encoder_is_loaded_once_per_process() -> None:
    assert load_encoder() is load_encoder()


def test_each_text_gets_one_unit_length_vector_of_384(encoder: Encoder) -> None:
    vectors = encoder.embed(["My hamstrings cramp at night.", "No bruising.", "ok"])
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_no_text_gives_an_empty_matrix(encoder: Encoder) -> None:
    assert encoder.embed([]).shape == (0, 384)


def test_a_paraphrase_is_much_closer_than_an_unrelated_sentence(encoder: Encoder) -> None:
    a, b, c = encoder.embed([
        "My hamstring cramps when I sprint.",
        "Sprinting gives me hamstring cramps.",
        "The invoice is due at the end of the month.",
    ])
    assert float(a @ b) > 0.8
    assert float(a @ b) - float(a @ c) > 0.6


def test_the_published_similarities_of_the_model_are_reproduced(encoder: Encoder) -> None:
    sentences, expected = PUBLISHED
    vectors = encoder.embed(list(sentences))
    assert np.allclose(vectors @ vectors.T, np.array(expected), atol=2e-3)


def test_padding_in_a_batch_does_not_change_an_embedding(encoder: Encoder) -> None:
    short = "Cramp at night."
    longer = "Every Sunday the back of my left thigh locks up in the last ten minutes of the game."
    alone = encoder.embed([short])[0]
    batched = encoder.embed([longer, short, "ok"], batch_size=3)[1]
    assert np.allclose(alone, batched, atol=1e-5)


def test_batch_size_does_not_change_the_result(encoder: Encoder) -> None:
    texts = [f"My hamstring cramped {n} times this week after football." for n in range(7)]
    assert np.allclose(encoder.embed(texts, batch_size=2), encoder.embed(texts), atol=1e-5)


def test_a_text_longer_than_the_model_takes_is_cut_not_refused(encoder: Encoder) -> None:
    ids, _mask = encoder.tokenize(["cramp " * 1000])
    assert ids.shape[1] == encoder.max_tokens == 256
    assert encoder.embed(["cramp " * 1000]).shape == (1, 384)


def test_gelu_is_the_exact_erf_form() -> None:
    xs = np.linspace(-6, 6, 97, dtype=np.float32)
    exact = np.array([0.5 * x * (1 + math.erf(x / math.sqrt(2))) for x in xs.tolist()])
    assert np.allclose(gelu(xs), exact, atol=1e-6)
