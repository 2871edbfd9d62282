from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.images import CleanImageField
from newsroom.paths import slug_path
from newsroom.translations import in_language


class Author(models.Model):
    """A person who writes for the newsroom; shown in bylines and on author cards."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("Part of the author page's address. Changing it breaks existing links."),
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_('Shown under the name, e.g. "Head of North America desk".'),
    )
    bio = models.TextField(
        _("bio"), blank=True, help_text=_("Shown in full on the author page, shortened on cards.")
    )
    avatar = CleanImageField(_("avatar"), upload_to="avatars/%Y/%m/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text=_("The staff account this author signs in with, if any."),
        verbose_name=_("user"),
    )
    website = models.URLField(_("website"), blank=True)
    x_handle = models.CharField(
        _("X handle"), max_length=50, blank=True, help_text=_("Without the @.")
    )
    bluesky_handle = models.CharField(
        _("bluesky handle"),
        max_length=100,
        blank=True,
        help_text=_("For example name.bsky.social, without the @."),
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Public contact address, shown on the author page.")
    )
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_("The name, role and bio in the other editions."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # What `translations` may give in another language.
    TRANSLATED_FIELDS = ("name", "role", "bio")

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("authors:detail", self.slug)

    def translated(self, field, language=None):
        """`field` in `language` (the active one by default): its translation when there
        is one, else the field itself."""
        return in_language(self, field, language)

    @property
    def x_url(self):
        return f"https://x.com/{self.x_handle}" if self.x_handle else ""

    @property
    def bluesky_url(self):
        return f"https://bsky.app/profile/{self.bluesky_handle}" if self.bluesky_handle else ""
