"""Pack and export passphrases: how strong one is, and a strong one made for you.

A file encrypted to a passphrase can be attacked offline, at leisure, by anyone
who copies it (a lost USB stick, a forwarded e-mail).  age stretches the
passphrase with scrypt, which makes each guess cost about a second on a laptop,
but an attacker with many machines tries thousands a second.  So a passphrase
must be at least as hard to guess as **four words drawn at random** from a list
of 7,776 (4 x 12.9 = 51.7 bits); :data:`MIN_BITS` is 50.

The estimate is deliberately conservative.  It is the smallest of three
figures, each from zxcvbn (Dropbox's estimator: it knows common passwords,
English words by frequency, names, keyboard patterns, dates, repeats and
substitutions such as ``p4ssw0rd``), expressed as log2 of the guesses needed:

1. the passphrase as it is;
2. the passphrase with its separators (spaces, ``-``, ``_``, ``.``, ...) taken
   out, so a separator adds nothing;
3. the sum over its distinct words, each rated alone: the attacker is assumed
   to know how many words there are and how they are separated, and a
   repeated word adds nothing.

Only the first 100 characters are rated (the rest adds nothing to the
estimate).  What it cannot see: a quotation, a song line or anything else
known about you.  A phrase made for you by :func:`generate` has none of
that: five words from the EFF's large list, drawn with :mod:`secrets`
(64.6 bits; one drawn again in the rare case the estimate is under
:data:`MIN_BITS`, about 1 in 150, which costs under 0.01 bit).
"""

from __future__ import annotations

import math
import re
import secrets
from functools import cache
from pathlib import Path

MIN_BITS = 50.0
WORDS_MADE = 5
_RATED_CHARS = 100
_SEPARATORS = re.compile(r"[\s\-_.,;:/+|]+")
_WORDLIST = Path(__file__).with_name("wordlists") / "eff_large_wordlist.txt"
_AGE_MAGIC = b"age-encryption.org/v1\n"


def _log2_guesses(text: str) -> float:
    from zxcvbn import zxcvbn  # imported on first use: its word lists take a moment to load

    return math.log2(max(float(zxcvbn(text, max_length=_RATED_CHARS)["guesses"]), 1.0))


def estimate_bits(passphrase: str) -> float:
    """A conservative estimate of the passphrase's strength, in bits (see the module's doc)."""
    text = passphrase[:_RATED_CHARS]
    words = [w for w in _SEPARATORS.split(text) if w]
    if not text.strip() or not words:
        return 0.0
    whole = _log2_guesses(text)
    joined = _log2_guesses("".join(words))
    per_word = sum(_log2_guesses(w) for w in dict.fromkeys(words))
    return min(whole, joined, per_word)


def problem(passphrase: str) -> str | None:
    """Why the passphrase is too weak to encrypt a file with, or None."""
    bits = estimate_bits(passphrase)
    if bits >= MIN_BITS:
        return None
    return (f"the passphrase is too easy to guess (about {bits:.0f} bits; at least {MIN_BITS:.0f} are needed, the "
            "strength of four random words). Anyone who copies the file can try passphrases offline for as long as "
            "they like, so a short, common or personal one protects nothing. Make one with 'python main.py "
            "new-passphrase --out FILE' (five random words), or use five or more unrelated, uncommon words, and "
            "give it to the person by phone or in person, never with the file")


@cache
def wordlist() -> tuple[str, ...]:
    """The EFF large word list's words made of letters only (7,772)."""
    words = _WORDLIST.read_text(encoding="utf-8").split()
    return tuple(w for w in words if w.isascii() and w.isalpha())


def generate(words: int = WORDS_MADE) -> str:
    """A fresh passphrase of ``words`` random words, separated by spaces, rated at least MIN_BITS."""
    pool = wordlist()
    while True:
        phrase = " ".join(secrets.choice(pool) for _ in range(words))
        if estimate_bits(phrase) >= MIN_BITS:
            return phrase


def generated_bits(words: int = WORDS_MADE) -> float:
    """The true strength of a phrase from :func:`generate` (before the rare redraw)."""
    return words * math.log2(len(wordlist()))


def encrypted_to_passphrase(data: bytes) -> bool:
    """Whether an age file's header says it is encrypted to a passphrase (an
    ``scrypt`` stanza) rather than to keys.  Reads only the header lines."""
    if not data.startswith(_AGE_MAGIC):
        return False
    header = data[len(_AGE_MAGIC):4096].split(b"\n---", 1)[0]
    return any(line.startswith(b"-> scrypt ") for line in header.split(b"\n"))
