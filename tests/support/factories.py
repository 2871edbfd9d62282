from datetime import timedelta

import factory
from django.utils import timezone

from support.models import Prompt


class PromptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prompt

    placement = Prompt.Placement.AFTER_ARTICLE
    heading = factory.Sequence(lambda n: f"Support our reporting {n}")
    text = "Readers pay for our journalism."
    button_label = "Become a member"
    link = "https://example.org/join"
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
