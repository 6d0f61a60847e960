"""When a catalog entry is due for review: `last_reviewed` older than the allowed age."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

DEFAULT_STALE_AFTER_DAYS = 180


@dataclass(frozen=True)
class ReviewPolicy:
    """How old a `last_reviewed` date may be before pages flag the entry."""

    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS
    today: datetime.date = field(default_factory=datetime.date.today)

    def age(self, reviewed: datetime.date) -> int:
        """Days since `reviewed`."""
        return (self.today - reviewed).days

    def is_stale(self, reviewed: datetime.date) -> bool:
        """Whether an entry reviewed on `reviewed` is due for another review."""
        return self.age(reviewed) > self.stale_after_days
