"""cl100k_base token counting without a download: the rank file ships as package data and is
checked against the hash tiktoken itself pins for it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CL100K_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
_PAT = r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s"""


@lru_cache(maxsize=1)
def encoding():
    import tiktoken
    from tiktoken.load import load_tiktoken_bpe

    path = Path(__file__).parent / "data" / "cl100k_base.tiktoken"
    ranks = load_tiktoken_bpe(str(path), expected_hash=CL100K_SHA256)
    special = {"<|endoftext|>": 100257, "<|fim_prefix|>": 100258, "<|fim_middle|>": 100259,
               "<|fim_suffix|>": 100260, "<|endofprompt|>": 100276}
    return tiktoken.Encoding(name="cl100k_base", pat_str=_PAT, mergeable_ranks=ranks, special_tokens=special)


def count(text: str) -> int:
    return len(encoding().encode(text, disallowed_special=()))
