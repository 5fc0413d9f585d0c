"""exports.passphrase: the conservative strength estimate, the generator, the age header check."""

from __future__ import annotations

import math

import pyrage
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from exports import passphrase as pp


@pytest.mark.parametrize("weak", ["", "   ", "a", "password", "password123", "P@ssw0rd!", "correct horse battery staple",
                                  "i love you so much", "aaaa-aaaa-aaaa-aaaa", "qwertyuiop", "York 2014",
                                  "kettle kettle kettle kettle kettle", "1234567890123"])
def test_weak_passphrases_rate_under_the_minimum(weak):
    assert pp.estimate_bits(weak) < pp.MIN_BITS
    assert "four random words" in (pp.problem(weak) or "")


def test_every_made_passphrase_is_five_words_and_rates_strong():
    words = set(pp.wordlist())
    assert len(words) == 7772 and pp.generated_bits() == pytest.approx(5 * math.log2(7772))
    made = {pp.generate() for _ in range(200)}
    assert len(made) == 200  # 64 bits: no repeats
    for phrase in made:
        assert len(phrase.split(" ")) == 5 and set(phrase.split(" ")) <= words
        assert pp.problem(phrase) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["kettle", "prism", "oyster", "gallon", "jigsaw", "walrus"]), min_size=1, max_size=6),
       st.sampled_from([" ", "-", "_", ".", "  ", " - "]))
def test_separators_and_repeats_add_nothing(words, sep):
    """The attacker is assumed to know the structure: the same words with any
    separator, or with a word repeated, rate no higher than the distinct words alone."""
    distinct = list(dict.fromkeys(words))
    assert pp.estimate_bits(sep.join(words)) <= sum(pp.estimate_bits(w) for w in distinct) + 1e-9


def test_only_the_first_hundred_characters_count():
    long = "kettle prism oyster gallon jigsaw " * 20
    assert pp.estimate_bits(long) == pp.estimate_bits(long[:100])


def test_the_age_header_says_whether_a_passphrase_is_needed():
    assert pp.encrypted_to_passphrase(bytes(age_passphrase.encrypt(b"x", "kettle prism oyster gallon jigsaw")))
    to_key = bytes(pyrage.encrypt(b"x", [x25519.Identity.generate().to_public()]))
    assert not pp.encrypted_to_passphrase(to_key)
    assert not pp.encrypted_to_passphrase(b"-> scrypt not an age file")
