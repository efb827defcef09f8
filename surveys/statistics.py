"""Shares with their 95% intervals, in a few lines whose formulas and sources are given here.

Wilson score interval for one proportion x/n (Wilson EB, "Probable inference, the law of
succession, and statistical inference", J Am Stat Assoc 1927;22:209-212; as method 3 in
Newcombe RG, "Two-sided confidence intervals for the single proportion: comparison of seven
methods", Statistics in Medicine 1998;17:857-872):

    p = x / n
    centre = (p + z²/2n) / (1 + z²/n)
    half   = z / (1 + z²/n) · sqrt(p(1 − p)/n + z²/4n²)
    interval = centre ± half

It stays inside [0, 1] and behaves at 0/n and n/n, where the textbook p ± z·sqrt(p(1−p)/n) fails.

Difference between two independent proportions p1 − p2, Newcombe's hybrid score interval
(method 10 of Newcombe RG, "Interval estimation for the difference between independent
proportions: comparison of eleven methods", Statistics in Medicine 1998;17:873-890), with
(l1, u1) and (l2, u2) the Wilson intervals of each proportion:

    L = (p1 − p2) − sqrt((p1 − l1)² + (u2 − p2)²)
    U = (p1 − p2) + sqrt((u1 − p1)² + (p2 − l2)²)

Both are checked against the published examples in tests/surveys/test_statistics.py.
"""

import math
from dataclasses import dataclass

# The 97.5th percentile of the standard normal distribution: a two-sided 95% interval.
Z95 = 1.959963984540054

# Breakdowns by the optional questions show a group only when every group has this many answers.
MIN_CELL = 30


@dataclass(frozen=True)
class Share:
    positive: int
    answered: int
    low: float | None
    high: float | None

    @property
    def value(self):
        return self.positive / self.answered if self.answered else None


@dataclass(frozen=True)
class Difference:
    value: float
    low: float
    high: float

    @property
    def clear(self):
        """True when the interval leaves zero out: the waves differ beyond chance at 95%."""
        return self.low > 0 or self.high < 0


def wilson(positive, answered, z=Z95):
    """The Wilson score interval (low, high) of positive/answered; (None, None) with no answers."""
    if answered <= 0:
        return None, None
    if not 0 <= positive <= answered:
        raise ValueError("positive must lie between 0 and answered")
    p = positive / answered
    z2 = z * z
    denominator = 1 + z2 / answered
    centre = (p + z2 / (2 * answered)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / answered + z2 / (4 * answered * answered))
    return max(0.0, centre - half), min(1.0, centre + half)


def share(positive, answered):
    low, high = wilson(positive, answered)
    return Share(positive, answered, low, high)


def difference(first, second):
    """Newcombe's hybrid score interval of first.value − second.value (two Share), or None."""
    if not first.answered or not second.answered:
        return None
    p1, p2 = first.value, second.value
    d = p1 - p2
    low = d - math.sqrt((p1 - first.low) ** 2 + (second.high - p2) ** 2)
    high = d + math.sqrt((first.high - p1) ** 2 + (p2 - second.low) ** 2)
    return Difference(d, max(-1.0, low), min(1.0, high))
