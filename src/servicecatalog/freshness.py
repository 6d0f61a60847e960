"""When a catalog entry is due for review: `last_reviewed` older than the allowed age."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

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


def review_policy(settings: Mapping[str, Any] | None) -> ReviewPolicy:
    """The policy from the site's `extra.catalog` settings; `ValueError` names a bad value."""
    if settings is None:
        settings = {}
    if not isinstance(settings, Mapping):
        raise ValueError(f"extra.catalog: {settings!r} is not a mapping of settings")
    unknown = sorted(str(key) for key in settings if key != "stale_after_days")
    if unknown:
        raise ValueError(
            f"extra.catalog.{unknown[0]}: unknown setting; the one setting is stale_after_days"
        )
    days = settings.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise ValueError(f"extra.catalog.stale_after_days: {days!r} is not a whole number of days")
    return ReviewPolicy(days)
