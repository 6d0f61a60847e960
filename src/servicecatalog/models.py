"""The catalog's entries: a team file and a service file, one YAML file each.

Every field carries a description. Those descriptions are the field reference in the handbook,
so write them for the engineer editing a YAML file, not for the code.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .fieldtypes import (
    ChatChannel,
    Email,
    IsoDate,
    Label,
    Percent,
    ReviewHandle,
    Slug,
    Text,
    UrlOrDocsPath,
    WebUrl,
)

Stage = Literal["local", "preview", "test", "staging", "production"]
STAGES: tuple[Stage, ...] = ("local", "preview", "test", "staging", "production")
Lifecycle = Literal["experimental", "production", "deprecated"]
Classification = Literal["public", "internal", "confidential", "restricted"]
Hosting = Literal[
    "kubernetes", "serverless", "managed-service", "static-hosting", "mobile-app", "scheduled-job"
]


class Entry(BaseModel):
    """Base of every catalog mapping: unknown keys are errors, values are kept as typed."""

    # Validators are built on first use, once for each file kind with its nested mappings,
    # instead of for every class at import: that is a sixth of what `make check` takes.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Link(Entry):
    """A named link to a dashboard, an alert or another tool."""

    title: Text = Field(description="What the link shows, in a few words.")
    url: WebUrl = Field(description="Where it is: an http(s) link.")


class Contacts(Entry):
    """How to reach a team for questions that are not incidents."""

    chat: ChatChannel = Field(description="Chat channel, for example `#team-payments`.")
    email: Email = Field(description="Team mailbox or group address.")


class OnCall(Entry):
    """How to reach a team when something is broken."""

    schedule: WebUrl | None = Field(
        default=None, description="Link to the on-call rotation, if the team has one."
    )
    escalation: list[Text] = Field(
        min_length=1,
        description="Who to call, in order, when the first contact does not answer.",
    )


class Team(Entry):
    """A team that owns services: `catalog/teams/<name>.yaml`."""

    name: Slug = Field(
        description="Team name: a lowercase slug of at most 63 characters, equal to the file "
        "name without `.yaml`. Services name it in `owner`."
    )
    display_name: Label = Field(description="The team's name as people say it.")
    description: Text = Field(description="What the team is responsible for, in a sentence or two.")
    contacts: Contacts = Field(description="Chat channel and email for everyday questions.")
    on_call: OnCall = Field(description="On-call rotation and escalation path for incidents.")
    product_areas: list[Label] = Field(
        min_length=1,
        description="Product areas the team works in; a service's `product_area` must be one of "
        "the areas some team lists.",
    )
    code_review_handle: ReviewHandle = Field(
        description="GitHub team that reviews changes to this team's catalog files, for example "
        "`@example/payments`. CODEOWNERS is generated from it."
    )
    last_reviewed: IsoDate = Field(
        description="Date (YYYY-MM-DD) someone in the team last checked this entry."
    )


class Runtime(Entry):
    """Where and on what the service runs."""

    hosting: Hosting = Field(description="Hosting model, one of the platform's standard ones.")
    language: Text = Field(description="Main language and runtime, for example `Kotlin / JVM 21`.")
    notes: Text | None = Field(default=None, description="Anything a newcomer should know.")


class Dependency(Entry):
    """Something the service calls: a catalog service, or an external system by name."""

    service: Slug | None = Field(
        default=None, description="Name of a catalog service. The build checks it exists."
    )
    external: Text | None = Field(
        default=None,
        description="Name of a system outside the catalog (a vendor API, a legacy system). "
        "Use instead of `service`; it is not checked.",
    )
    purpose: Text | None = Field(default=None, description="What the service uses it for.")

    @model_validator(mode="before")
    @classmethod
    def _accept_bare_name(cls, value: Any) -> Any:
        return {"service": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_target(self) -> Dependency:
        if (self.service is None) == (self.external is None):
            raise ValueError("give exactly one of 'service' (in the catalog) or 'external'")
        return self

    @property
    def target(self) -> str:
        return self.service or self.external or ""


class DataStore(Entry):
    """A database, cache, queue or bucket the service owns or writes to."""

    name: Text = Field(description="Name of the store, for example `jobs-db`.")
    technology: Text = Field(description="Engine and hosting, for example `PostgreSQL 16 (RDS)`.")
    purpose: Text | None = Field(default=None, description="What the service keeps there.")


class Integration(Entry):
    """A third-party system the service exchanges data with."""

    name: Text = Field(description="The system, for example `Xero` or `Stripe`.")
    purpose: Text = Field(description="What is exchanged and in which direction.")
    url: WebUrl | None = Field(default=None, description="Vendor documentation, if useful.")


class Pipeline(Entry):
    """The deployment pipeline that builds, tests, scans and ships the service."""

    provider: Text = Field(description="CI/CD system, for example `GitHub Actions`.")
    url: WebUrl = Field(description="Link to the pipeline's runs or definition.")
    notes: Text | None = Field(default=None, description="Manual steps, gates, schedules.")


class Environment(Entry):
    """One stage the service runs in."""

    url: WebUrl | None = Field(default=None, description="Where the stage can be reached.")
    notes: Text | None = Field(default=None, description="Data, access or ownership notes.")


class Slo(Entry):
    """The reliability target the owners commit to."""

    objective: Percent = Field(
        gt=0,
        lt=100,
        json_schema_extra={"exclusiveMinimum": 0, "exclusiveMaximum": 100},
        description="Target in percent, for example `99.9`.",
    )
    indicator: Text = Field(
        description="What is measured, for example `share of API requests answered below 500 ms "
        "without a 5xx`."
    )
    window: str = Field(
        pattern=r"^[1-9][0-9]{0,2}[dw]$",
        description="Rolling window in days or weeks, for example `28d`.",
    )


class Service(Entry):
    """A deployable service or application: `catalog/services/<name>.yaml`."""

    name: Slug = Field(
        description="Service name: a lowercase slug of at most 63 characters (the rule "
        "Backstage uses), equal to the file name without `.yaml`."
    )
    description: Text = Field(description="What the service does, for whom, in a sentence or two.")
    lifecycle: Lifecycle = Field(
        description="`experimental`, `production` or `deprecated`. Production services must "
        "list a production environment."
    )
    business_capability: Label = Field(
        description="The business capability it serves, for example `Scheduling and dispatch`."
    )
    product_area: Label = Field(
        description="Product area it belongs to; must be an area listed by some team."
    )
    owner: Slug = Field(description="Name of the owning team, a file in `catalog/teams/`.")
    repository: WebUrl = Field(description="Link to the source repository.")
    runtime: Runtime = Field(description="Runtime or hosting model.")
    dependencies: list[Dependency] = Field(
        description="Services and systems it calls. A bare name is a catalog service; use "
        "`external:` for anything outside the catalog. `[]` when there are none."
    )
    data_stores: list[DataStore] = Field(
        description="Databases and other data stores it owns or writes to. `[]` when none."
    )
    external_integrations: list[Integration] = Field(
        description="Third-party systems it exchanges data with. `[]` when none."
    )
    pipeline: Pipeline = Field(description="The deployment pipeline.")
    environments: dict[Stage, Environment] = Field(
        min_length=1,
        description="Stages it runs in, keyed by `local`, `preview`, `test`, `staging` or "
        "`production`, each with an optional `url` and `notes`.",
    )
    dashboards: list[Link] = Field(
        min_length=1, description="Dashboards that show its health, each with a title and URL."
    )
    alerts: list[Link] = Field(
        min_length=1, description="Alerts that page or notify the owners, each a title and URL."
    )
    runbook: UrlOrDocsPath = Field(
        description="The runbook: an http(s) link or a handbook page such as "
        "`runbooks/payments.md`."
    )
    slo: Slo = Field(description="Reliability target: objective, indicator and window.")
    data_classification: Classification = Field(
        description="Most sensitive data it handles: `public`, `internal`, `confidential` or "
        "`restricted`."
    )
    security_notes: Text = Field(
        description="Authentication, sensitive data, threat-model notes and known risks."
    )
    last_reviewed: IsoDate = Field(
        description="Date (YYYY-MM-DD) an owner last checked this entry is still true."
    )
