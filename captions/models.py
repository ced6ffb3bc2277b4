"""The photo record, its place and its articles.

Print sizes are never stored: the database keeps pixels and dpi, and every size is derived
through `captions.core.dimensions`. Caveat tags are a closed vocabulary (SPEC), stored as one
boolean column each so that filtering and facet counts over a million rows stay on indexes.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from captions.core import dimensions
from captions.core.vocabulary import CAVEAT_TAGS, CAVEATS, PROBLEMS
from captions.validation import validate_photo

# The vocabularies are pure (captions.core.vocabulary): one table, translated here.
CAVEAT_LABELS = {caveat.code: _(caveat.label) for caveat in CAVEATS}
CAVEAT_SHORT_LABELS = {caveat.code: _(caveat.short) for caveat in CAVEATS}
PROBLEM_LABELS = {problem.code: _(problem.label) for problem in PROBLEMS}


def caveat_field(tag: str) -> str:
    return f"caveat_{tag}"


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    DECADE = "decade", _("decade")


class Place(models.Model):
    """A normalized place. Photos point at it; `search_names` holds every folded name it can be
    found under (city and country in English, German, French, Spanish, codes), so a search for
    'Moskau' or 'Russland' is one lookup in this small table, then an indexed join."""

    sublocation = models.CharField(_("sublocation"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=200, blank=True)
    region = models.CharField(_("region"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    country_code = models.CharField(_("country code"), max_length=2, blank=True, db_index=True)
    search_names = models.TextField(
        _("search names"),
        blank=True,
        editable=False,
        help_text=_("Every name the place is known under, folded, separated by '|'."),
    )

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["country", "city", "sublocation"]
        constraints = [
            models.UniqueConstraint(
                fields=["sublocation", "city", "region", "country_code"], name="place_unique_parts"
            ),
            models.CheckConstraint(
                condition=Q(country_code="") | Q(country_code__regex=r"^[A-Z]{2}$"),
                name="place_country_code_alpha2",
            ),
        ]

    def __str__(self) -> str:
        return self.label or "—"

    @property
    def label(self) -> str:
        return ", ".join(p for p in (self.sublocation, self.city, self.region, self.country) if p)


class Article(models.Model):
    headline = models.CharField(_("headline"), max_length=500)
    publication = models.CharField(_("publication"), max_length=200, blank=True, db_index=True)
    url = models.URLField(_("URL"), max_length=1000, unique=True, null=True, blank=True)
    published_date = models.DateField(_("published"), null=True, blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_date", "headline"]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return reverse("article_detail", args=[self.pk])

    @property
    def link_url(self) -> str:
        """The URL when it is safe to follow (http or https), else "". The form accepts only
        such URLs, but an import, a restore or the shell may store anything (`javascript:…`),
        so pages link through this, never through `url` itself."""
        url = (self.url or "").strip()
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        return url if scheme in {"http", "https"} and url[len(scheme) :].startswith("://") else ""


class PhotoQuerySet(models.QuerySet):
    # An embargo notice whose date could not be read holds the photo back until an editor
    # sets the date or clears the caveat: releasing it early costs more than waiting.
    def embargoed(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(embargo_until__gt=now) | Q(caveat_embargo=True, embargo_until__isnull=True))

    def embargoed_count(self, now=None) -> int:
        """`self.embargoed(now).count()`, counted as the sum of its two disjoint halves in one
        query (UNION ALL): each half is an index-only scan of its own index (photo_embargo_until,
        photo_embargo_open_facets) where the OR of both is a BitmapOr that reads every embargoed
        photo's heap page. At 1M photos that was 43,000 pages, 0.3-0.9 s before an export's
        first byte; the halves take 2-4 ms."""
        now = now or timezone.now()
        ahead = self.order_by().filter(embargo_until__gt=now).values_list(Value(1))
        unknown = self.order_by().filter(caveat_embargo=True, embargo_until__isnull=True).values_list(Value(1))
        return ahead.union(unknown, all=True).count()

    def releasable(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(embargo_until__isnull=True, caveat_embargo=False) | Q(embargo_until__lte=now))

    def needing_review(self):
        return self.filter(needs_review=True)

    def with_caveat(self, tag: str):
        if tag not in CAVEAT_TAGS:
            raise ValueError(f"unknown caveat {tag!r}")
        return self.filter(**{caveat_field(tag): True})

    def in_country(self, code: str):
        """Photos whose place is in the country with this ISO alpha-2 code."""
        return self.filter(place__country_code=code)

    def with_image(self, has_image: bool = True):
        return self.exclude(image="") if has_image else self.filter(image="")


def photo_upload_to(instance, filename: str) -> str:
    # Content-addressed paths: the same file never lands twice, names never collide.
    digest = instance.content_hash or "pending"
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"photos/{digest[:2]}/{digest}.{ext}"


def rendition_upload_to(instance, filename: str) -> str:
    digest = instance.content_hash or "pending"
    return f"renditions/{digest[:2]}/{filename}"


class Photo(models.Model):
    # identity
    supplier = models.CharField(_("supplier"), max_length=100, blank=True)
    source_id = models.CharField(_("supplier's image id"), max_length=100, blank=True)
    fingerprint = models.CharField(
        _("block fingerprint"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_(
            "Hash of the photo the imported caption block describes: its caption (case, spacing and "
            "punctuation aside), pixels, date, place, credit and image id."
        ),
    )
    import_digest = models.CharField(
        _("import digest"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("Hash of every value the last imported block set: the same block again writes nothing."),
    )
    content_hash = models.CharField(_("image hash"), max_length=64, blank=True, editable=False)

    # text
    caption = models.TextField(_("caption"), blank=True)
    headline = models.CharField(_("headline"), max_length=500, blank=True)
    title = models.CharField(
        _("title"), max_length=300, blank=True, help_text=_("A short name for the image (IPTC Title / Object Name).")
    )
    language = models.CharField(_("caption language"), max_length=8, blank=True)
    credit = models.CharField(_("credit line"), max_length=300, blank=True)
    creator = models.CharField(_("creator"), max_length=200, blank=True)
    copyright_notice = models.CharField(_("copyright notice"), max_length=300, blank=True)
    keywords = models.TextField(_("keywords"), blank=True, help_text=_("Comma-separated."))
    job_id = models.CharField(
        _("job id"),
        max_length=100,
        blank=True,
        help_text=_("The supplier's job or assignment reference (IPTC Job Id)."),
    )
    caption_writer = models.CharField(_("caption writer"), max_length=100, blank=True)

    # pixels: the one truth print sizes are derived from
    width_px = models.PositiveIntegerField(
        _("width (px)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(1_000_000)]
    )
    height_px = models.PositiveIntegerField(
        _("height (px)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(1_000_000)]
    )
    dpi = models.PositiveIntegerField(
        _("dpi"),
        null=True,
        blank=True,
        validators=[MinValueValidator(dimensions.MIN_DPI), MaxValueValidator(dimensions.MAX_DPI)],
    )

    # shoot date as an interval
    date_text = models.CharField(_("date as supplied"), max_length=200, blank=True)
    date_edtf = models.CharField(_("date (EDTF)"), max_length=64, blank=True)
    date_start = models.DateField(_("taken from"), null=True, blank=True)
    date_end = models.DateField(_("taken until"), null=True, blank=True)
    date_precision = models.CharField(_("date precision"), max_length=8, choices=DatePrecision.choices, blank=True)
    date_approximate = models.BooleanField(_("approximate date"), default=False)

    # place
    place = models.ForeignKey(
        Place, verbose_name=_("place"), null=True, blank=True, on_delete=models.PROTECT, related_name="photos"
    )
    place_text = models.CharField(_("place as supplied"), max_length=300, blank=True)

    # caveats and rights
    caveat_editorial_only = models.BooleanField(_("editorial use only"), default=False)
    caveat_embargo = models.BooleanField(_("embargo"), default=False)
    caveat_imperfect_historical = models.BooleanField(_("imperfect (historical)"), default=False)
    caveat_mandatory_credit = models.BooleanField(_("mandatory credit"), default=False)
    caveat_no_model_release = models.BooleanField(_("no model release"), default=False)
    restriction_text = models.TextField(_("restrictions (verbatim)"), blank=True)
    embargo_until = models.DateTimeField(_("embargoed until"), null=True, blank=True)

    # image file and renditions (stored through Django's storage API)
    image = models.ImageField(_("image file"), upload_to=photo_upload_to, blank=True)
    thumbnail = models.ImageField(upload_to=rendition_upload_to, blank=True, editable=False)
    preview = models.ImageField(upload_to=rendition_upload_to, blank=True, editable=False)

    articles = models.ManyToManyField(Article, verbose_name=_("articles"), blank=True, related_name="photos")

    # review
    problems = models.JSONField(_("problems"), default=list, blank=True)
    needs_review = models.BooleanField(_("needs review"), default=False)

    version = models.PositiveIntegerField(default=1, editable=False)  # optimistic locking
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=[articles])
    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["-created_at", "-id"]
        permissions = [
            ("export_specs", "Can export print-ready specs"),
            ("import_captions", "Can import caption blocks"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["supplier", "source_id"], condition=~Q(source_id=""), name="photo_unique_source_id"
            ),
            models.UniqueConstraint(
                fields=["content_hash"], condition=~Q(content_hash=""), name="photo_unique_content_hash"
            ),
            models.UniqueConstraint(
                fields=["fingerprint"], condition=~Q(fingerprint=""), name="photo_unique_fingerprint"
            ),
            models.CheckConstraint(condition=Q(width_px__isnull=True) | Q(width_px__gt=0), name="photo_width_positive"),
            models.CheckConstraint(
                condition=Q(height_px__isnull=True) | Q(height_px__gt=0), name="photo_height_positive"
            ),
            models.CheckConstraint(
                condition=Q(dpi__isnull=True) | (Q(dpi__gte=dimensions.MIN_DPI) & Q(dpi__lte=dimensions.MAX_DPI)),
                name="photo_dpi_in_range",
            ),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True) | Q(date_end__isnull=True) | Q(date_start__lte=F("date_end")),
                name="photo_date_start_before_end",
            ),
            models.CheckConstraint(
                condition=(Q(date_start__isnull=True) & Q(date_end__isnull=True))
                | (Q(date_start__isnull=False) & Q(date_end__isnull=False)),
                name="photo_date_interval_complete",
            ),
        ]
        indexes = [
            # taken_before (date_start <= x) and sort by shoot date use photo_taken_asc/desc
            # (migration 0004); a window with both ends uses the GiST photo_taken_range (0006).
            models.Index(fields=["date_end"], name="photo_date_end"),
            models.Index(fields=["place", "date_start"], name="photo_place_date"),
            models.Index(fields=["-created_at", "-id"], name="photo_added"),
            models.Index(
                fields=["embargo_until"], name="photo_embargo_until", condition=Q(embargo_until__isnull=False)
            ),
            models.Index(fields=["needs_review"], name="photo_needs_review", condition=Q(needs_review=True)),
            models.Index(fields=["width_px"], name="photo_width"),
            # the orientation filter: its sign (captions.selectors.photos.width_excess, same expression)
            models.Index(F("width_px") - F("height_px"), name="photo_width_excess"),
            # an image id looked up without its supplier
            models.Index(fields=["source_id"], name="photo_source_id"),
            # no LIKE-pattern twin: a supplier is never searched by prefix
            models.Index(fields=["supplier"], name="photo_supplier"),
        ] + [
            # keyed on the place: a caveat alone reads the whole partial index as before, a
            # caveat with a country or place reads only those places' part of it
            models.Index(
                fields=["place", caveat_field(tag)],
                name=f"photo_cav_{tag[:14]}",
                condition=Q(**{caveat_field(tag): True}),
            )
            for tag in CAVEAT_TAGS
        ]

    def __str__(self) -> str:
        text = self.headline or self.caption or str(_("Untitled photo"))  # str(): __str__ may not return a lazy proxy
        return text if len(text) <= 80 else text[:79] + "…"

    def get_absolute_url(self) -> str:
        return reverse("photo_detail", args=[self.pk])

    # --- derived values (never stored) ---------------------------------------------------
    @property
    def caveats(self) -> list[str]:
        return [tag for tag in CAVEAT_TAGS if getattr(self, caveat_field(tag))]

    @property
    def has_pixels(self) -> bool:
        return bool(self.width_px and self.height_px)

    def print_size(self, dpi: int | None = None) -> dimensions.PrintSize | None:
        """Print size at `dpi` (default: the photo's own dpi); None without pixels or dpi."""
        dpi = dpi or self.dpi
        if not self.has_pixels or not dpi:
            return None
        return dimensions.print_size(self.width_px, self.height_px, dpi)

    @property
    def native_print_size(self) -> dimensions.PrintSize | None:
        return self.print_size()

    @property
    def print_size_300(self) -> dimensions.PrintSize | None:
        return self.print_size(dimensions.DEFAULT_TARGET_DPI)

    @property
    def megapixels(self) -> float | None:
        return dimensions.megapixels(self.width_px, self.height_px) if self.has_pixels else None

    @property
    def orientation(self) -> str | None:
        return dimensions.orientation(self.width_px, self.height_px) if self.has_pixels else None

    @property
    def aspect_ratio(self) -> str | None:
        return dimensions.aspect_ratio(self.width_px, self.height_px) if self.has_pixels else None

    def is_embargoed(self, now=None) -> bool:
        if self.embargo_until is None:
            return self.caveat_embargo  # an embargo without a known end holds the photo back
        return self.embargo_until > (now or timezone.now())

    @property
    def problem_labels(self) -> list[tuple[str, str]]:
        return [(code, PROBLEM_LABELS.get(code, code)) for code in self.problems or []]

    def clean(self):
        validate_photo(self)


class AuditEvent(models.Model):
    """One line of the audit trail: a sign-in, a failed sign-in, a lockout, or something that
    left the archive (an export, a spec sheet, a package). Written only by
    `captions.services.audit`, never changed; read in the admin by superusers only."""

    class Kind(models.TextChoices):
        SIGN_IN = "sign_in", _("signed in")
        SIGN_IN_FAILED = "sign_in_failed", _("sign-in failed")
        LOCKED_OUT = "locked_out", _("locked out")
        SIGN_OUT = "sign_out", _("signed out")
        EXPORT = "export", _("export")
        SPEC_SHEET = "spec_sheet", _("spec sheet")
        PACKAGE = "package", _("package")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices, db_index=True)
    user = models.ForeignKey(
        "auth.User", verbose_name=_("user"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # As typed or as the account was then called: kept when the account is renamed or deleted,
    # and the only name a failed sign-in has.
    username = models.CharField(_("username"), max_length=150, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    path = models.CharField(_("address asked for"), max_length=300, blank=True)
    format = models.CharField(_("format"), max_length=20, blank=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    photo_count = models.PositiveIntegerField(_("photos"), null=True, blank=True)
    embargoed_left_out = models.PositiveIntegerField(_("left out for embargo"), null=True, blank=True)
    complete = models.BooleanField(
        _("complete"), default=True, help_text=_("False while a download streams, and when it was broken off.")
    )

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "-at"], name="audit_user_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.get_kind_display()} {self.username}"


class Lightbox(models.Model):
    """A named, ordered set of photos with a note per photo (a researcher's selection for a
    story), shared with groups or people to read or to edit. Its photos are `LightboxItem`s;
    who may do what is `captions.selectors.lightboxes` (reads) and `captions.services.lightboxes`
    (writes)."""

    name = models.CharField(_("name"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE, related_name="lightboxes"
    )
    photos = models.ManyToManyField(
        Photo, verbose_name=_("photos"), through="LightboxItem", related_name="lightboxes", blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("lightbox")
        verbose_name_plural = _("lightboxes")
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="lightbox_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("lightbox_detail", args=[self.pk])


class LightboxItem(models.Model):
    """One photo in a lightbox: its place in the order (0, 1, 2 ...) and the note beside it."""

    lightbox = models.ForeignKey(Lightbox, on_delete=models.CASCADE, related_name="items")
    photo = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="lightbox_items")
    position = models.PositiveIntegerField(_("position"))
    note = models.TextField(_("note"), blank=True, max_length=2000)
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo in a lightbox")
        verbose_name_plural = _("photos in lightboxes")
        ordering = ["lightbox", "position"]
        constraints = [
            models.UniqueConstraint(fields=["lightbox", "photo"], name="lightbox_item_once"),
        ]
        indexes = [models.Index(fields=["lightbox", "position"], name="lightbox_item_order")]

    def __str__(self) -> str:
        return f"{self.lightbox_id}:{self.position}:{self.photo_id}"


class LightboxShare(models.Model):
    """A lightbox shared with one group or one person, to read it or also to edit it (add,
    remove, reorder, write notes). Only the owner shares, renames and deletes."""

    lightbox = models.ForeignKey(Lightbox, on_delete=models.CASCADE, related_name="shares")
    group = models.ForeignKey(
        "auth.Group", verbose_name=_("group"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="shared_lightboxes",
    )
    can_edit = models.BooleanField(_("may edit"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lightbox share")
        verbose_name_plural = _("lightbox shares")
        constraints = [
            models.CheckConstraint(
                condition=(Q(group__isnull=True) & Q(user__isnull=False))
                | (Q(group__isnull=False) & Q(user__isnull=True)),
                name="lightbox_share_group_or_user",
            ),
            models.UniqueConstraint(
                fields=["lightbox", "group"], condition=Q(group__isnull=False), name="lightbox_share_group_once"
            ),
            models.UniqueConstraint(
                fields=["lightbox", "user"], condition=Q(user__isnull=False), name="lightbox_share_user_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lightbox_id} -> {self.group_id or self.user_id}"


class FacetCount(models.Model):
    """The facet summary (captions.summary): how many photos have both `filter_key` and
    `facet_key`. Written only by the database's triggers and `services.facet_summary.rebuild`."""

    pk = models.CompositePrimaryKey("filter_key", "facet_key")
    filter_key = models.CharField(max_length=40)
    facet_key = models.CharField(max_length=40)
    n = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("facet count")
        verbose_name_plural = _("facet counts")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.filter_key} × {self.facet_key}: {self.n}"
