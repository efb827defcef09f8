"""The intervals against their published values.

Wilson: Newcombe RG, Statistics in Medicine 1998;17:857-872, table I, method 3 (score).
Difference: Newcombe RG, Statistics in Medicine 1998;17:873-890, table II, method 10.
"""

import pytest

from surveys.statistics import difference, share, wilson


@pytest.mark.parametrize(
    ("positive", "answered", "low", "high"),
    [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
        (29, 29, 0.8830, 1.0),
    ],
)
def test_wilson_score_interval_matches_newcombe_table_one(positive, answered, low, high):
    got_low, got_high = wilson(positive, answered)
    assert got_low == pytest.approx(low, abs=5e-5)
    assert got_high == pytest.approx(high, abs=5e-5)


@pytest.mark.parametrize(
    ("first", "second", "low", "high"),
    [
        ((56, 70), (48, 80), 0.0524, 0.3339),
        ((9, 10), (3, 10), 0.1705, 0.8090),
        ((6, 7), (2, 7), 0.0582, 0.8062),
        ((5, 56), (0, 29), -0.0381, 0.1926),
        ((0, 10), (0, 20), -0.1611, 0.2775),
        ((0, 10), (0, 10), -0.2775, 0.2775),
        ((10, 10), (0, 20), 0.6791, 1.0),
    ],
)
def test_difference_interval_matches_newcombe_method_ten(first, second, low, high):
    change = difference(share(*first), share(*second))
    assert change.value == pytest.approx(first[0] / first[1] - second[0] / second[1])
    assert change.low == pytest.approx(low, abs=5e-5)
    assert change.high == pytest.approx(high, abs=5e-5)


def test_no_answers_gives_no_interval_and_no_difference():
    assert wilson(0, 0) == (None, None)
    empty = share(0, 0)
    assert empty.value is None
    assert difference(empty, share(5, 10)) is None


def test_a_clear_difference_leaves_zero_out():
    assert difference(share(56, 70), share(48, 80)).clear
    assert not difference(share(5, 56), share(0, 29)).clear


def test_impossible_counts_are_refused():
    with pytest.raises(ValueError):
        wilson(11, 10)
