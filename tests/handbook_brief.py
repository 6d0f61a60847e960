"""What the handbook must contain: every list of the brief, in our own short words.

The brief in `../shared/seed/` is a list of facts; each `BriefList` below names one of its
lists, the page and section where a reader finds it, and one short set of keywords per item.
They are written here by hand and never read from the pages they check.
"""

from __future__ import annotations

from dataclasses import dataclass

# Topic pages of the handbook, by their URL in the built site.
TOPIC_PAGES = (
    "start-here/",
    "capabilities/",
    "golden-path/service-template/",
    "catalog/about/",
    "ownership/",
    "environments/",
    "releases/",
    "security/",
    "observability/",
    "incidents/",
    "cost/",
    "platform-team/",
    "platform-team/adoption/",
    "platform-team/anti-patterns/",
    "workshops/",
    "workshops/handouts/",
)

# The ten capabilities, spelled as the tags pages carry.
CAPABILITY_TAGS = (
    "Developer portal",
    "Golden paths",
    "CI/CD",
    "Environment management",
    "Feature flags",
    "Observability",
    "Security baseline",
    "Service ownership",
    "Incident learning",
    "Cost visibility",
)

# The YAML keys of the seventeen fields every service entry must state.
CATALOG_FIELD_KEYS = (
    "name",
    "business_capability",
    "product_area",
    "owner",
    "repository",
    "runtime",
    "dependencies",
    "data_stores",
    "external_integrations",
    "pipeline",
    "environments",
    "dashboards",
    "alerts",
    "runbook",
    "slo",
    "data_classification",
    "security_notes",
)


@dataclass(frozen=True)
class BriefList:
    """One list of the brief and where a reader finds it.

    `unit` says what one item of the list is on the page: a subsection under an `h2` or `h3`
    heading, an `li` of the section's list, or a table row (`tr`). Each expected item is a tuple
    of keywords: the first must be in the item's title (heading text, list item or first table
    cell), the others anywhere in the item.
    """

    name: str
    page: str
    section: str | None
    unit: str
    items: tuple[tuple[str, ...], ...]
    count: int


BRIEF_LISTS = (
    BriefList(
        "standard ways the platform provides",
        "start-here/",
        "five-standard-ways",
        "li",
        (
            ("create services",),
            ("build, test, scan, deploy and observe",),
            ("environments, secrets, configuration and infrastructure",),
            ("ownership, dependencies, reliability and cost",),
            ("security and compliance",),
        ),
        5,
    ),
    BriefList(
        "capabilities",
        "capabilities/",
        None,
        "h2",
        tuple(
            (name.lower(), "why it matters", "first version", "here today", "next")
            for name in CAPABILITY_TAGS
        ),
        10,
    ),
    BriefList(
        "golden-path contents",
        "golden-path/service-template/",
        None,
        "h2",
        tuple(
            (title, "what good looks like")
            for title in (
                "repository structure",
                "local development",
                "build command",
                "test command",
                "linting and formatting",
                "packaging",
                "ci/cd workflow",
                "configuration and secret",
                "health check",
                "logging standard",
                "metrics standard",
                "error tracking",
                "api documentation",
                "security scans",
                "deployment instructions",
                "rollback instructions",
                "ownership metadata",
            )
        ),
        17,
    ),
    BriefList(
        "catalog fields",
        "catalog/about/",
        "required-fields",
        "tr",
        (
            ("service name", "name"),
            ("business capability", "business_capability"),
            ("product area", "product_area"),
            ("owner", "owner"),
            ("repository", "repository"),
            ("runtime or hosting", "runtime"),
            ("dependencies", "dependencies"),
            ("data stores", "data_stores"),
            ("external integrations", "external_integrations"),
            ("deployment pipeline", "pipeline"),
            ("environments", "environments"),
            ("dashboards", "dashboards"),
            ("alerts", "alerts"),
            ("runbook", "runbook"),
            ("slo", "slo"),
            ("data classification", "data_classification"),
            ("security notes", "security_notes"),
        ),
        17,
    ),
    BriefList(
        "environments",
        "environments/",
        "stages",
        "h3",
        (
            ("local", "laptop"),
            ("preview", "pull request"),
            ("test", "integration"),
            ("staging", "production"),
            ("production", "customers", "rollback"),
        ),
        5,
    ),
    BriefList(
        "environment rules",
        "environments/",
        "rules",
        "li",
        (
            ("configuration", "outside the code"),
            ("secret", "committed"),
            ("test data", "recreated"),
            ("owner",),
            ("promotion", "automated"),
            ("written down", "manual step"),
        ),
        6,
    ),
    BriefList(
        "release practices",
        "releases/",
        "practices",
        "h3",
        (
            ("flag", "risky"),
            ("deploying is not releasing",),
            ("internal users",),
            ("widen", "tenant", "region", "cohort"),
            ("rollback before deploy",),
            ("owner and a removal date",),
            ("dashboards", "release"),
        ),
        7,
    ),
    BriefList(
        "feature flag rules",
        "releases/",
        "feature-flags",
        "h3",
        (
            ("naming", "dispatch.route-suggestions"),
            ("ownership and cleanup", "owner", "remove_by"),
        ),
        2,
    ),
    BriefList(
        "security baseline",
        "security/",
        "baseline",
        "h3",
        (
            ("secret scanning",),
            ("dependency vulnerability",),
            ("static analysis", "sast"),
            ("infrastructure-as-code", "iac"),
            ("container or artifact",),
            ("api authentication and authorization",),
            ("logging of sensitive access",),
            ("data classification",),
            ("threat modelling", "critical workflows"),
        ),
        9,
    ),
    BriefList(
        "observability signals",
        "observability/",
        "signals",
        "tr",
        (
            ("structured logs", "json"),
            ("error events",),
            ("health checks",),
            ("request latency",),
            ("request volume",),
            ("failure rate",),
            ("dependency failures",),
            ("business events",),
        ),
        8,
    ),
    BriefList(
        "business events",
        "observability/",
        "business-events",
        "tr",
        (
            ("lead created", "lead.created"),
            ("quote created", "quote.created"),
            ("quote accepted", "quote.accepted"),
            ("job created", "job.created"),
            ("job scheduled", "job.scheduled"),
            ("technician assigned", "technician.assigned"),
            ("mobile job opened", "mobile-job.opened"),
            ("field update submitted", "field-update.submitted"),
            ("invoice generated", "invoice.generated"),
            ("payment attempted", "payment.attempted"),
            ("payment completed", "payment.completed"),
            ("integration sync failed", "integration.sync-failed"),
        ),
        12,
    ),
    BriefList(
        "cost tags",
        "cost/",
        "tags",
        "tr",
        (
            ("service",),
            ("team",),
            ("environment",),
            ("product-area",),
            ("managed-by",),
            ("data-classification",),
            ("expires-on",),
        ),
        7,
    ),
    BriefList(
        "platform team responsibilities",
        "platform-team/",
        "responsibilities",
        "li",
        (
            ("golden path",),
            ("tool experiments",),
            ("coaching pilot teams",),
            ("documentation",),
            ("delivery metrics", "developer experience"),
            ("repeated friction",),
        ),
        6,
    ),
    BriefList(
        "platform team runs like a product team",
        "platform-team/",
        "product-team",
        "tr",
        (
            ("internal users",),
            ("pain",),
            ("prioritise", "adoption"),
            ("ship small",),
            ("measure usage and satisfaction",),
        ),
        5,
    ),
    BriefList(
        "adoption steps",
        "platform-team/adoption/",
        "steps",
        "tr",
        (
            ("pilot with one team",),
            ("what got easier",),
            ("rough edges",),
            ("second team",),
            ("standard",),
            ("automate",),
        ),
        6,
    ),
    BriefList(
        "anti-patterns",
        "platform-team/anti-patterns/",
        None,
        "h2",
        tuple(
            (title, "symptoms", "why it hurts", "instead")
            for title in (
                "ticket queue",
                "starting from the tool",
                "central approvals",
                "scale before anyone adopts",
                "templates that drift",
                "measuring without acting",
                "security as a late review",
                "documentation apart from the work",
            )
        ),
        8,
    ),
    BriefList(
        "session moves",
        "workshops/",
        "session-shape",
        "tr",
        (
            ("principle",),
            ("example in daily work",),
            ("strong or weak",),
            ("one small action",),
        ),
        4,
    ),
    BriefList(
        "guidelines for teams",
        "workshops/",
        "guidelines",
        "li",
        (
            ("something live", "incident"),
            ("behaviour you can see",),
            ("every week",),
            ("write back",),
            ("come back to the page",),
        ),
        5,
    ),
    BriefList(
        "reflection questions",
        "workshops/",
        "reflection-questions-all",
        "li",
        (("working well",), ("mostly theory",), ("next 30 days",)),
        3,
    ),
)
