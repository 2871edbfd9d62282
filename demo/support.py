"""The demo's support campaign: a membership drive with a top bar on every page and a box
after every article, in each edition's language. Idempotent: seeding again rewrites the
prompts rather than adding more."""

from datetime import timedelta

from django.utils import timezone

from support.models import Prompt

MEMBERSHIP_PAGE = "https://example.org/membership"
CAMPAIGN = {
    "goal": 1000,
    "current_figure": 640,
    "goal_label": "new members this month",
}
PROMPTS = [
    {
        "language": "en",
        "placement": Prompt.Placement.TOP,
        "heading": "Free to read, paid for by readers.",
        "text": "",
        "button_label": "Become a member",
        **CAMPAIGN,
    },
    {
        "language": "en",
        "placement": Prompt.Placement.AFTER_ARTICLE,
        "heading": "Keep independent journalism free",
        "text": "No owner, party or advertiser pays for our reporting: our members do. "
        "Join them this month and keep every article free for everyone to read.",
        "button_label": "Become a member",
        **CAMPAIGN,
    },
    {
        "language": "uk",
        "placement": Prompt.Placement.TOP,
        "heading": "Читати безкоштовно, бо платять читачі.",
        "text": "",
        "button_label": "Стати членом клубу",
        **CAMPAIGN,
        "goal_label": "нових членів клубу цього місяця",
    },
    {
        "language": "uk",
        "placement": Prompt.Placement.AFTER_ARTICLE,
        "heading": "Збережімо незалежну журналістику відкритою",
        "text": "Нашу роботу не оплачують ні власник, ні партія, ні рекламодавець — її "
        "оплачують члени нашого клубу. Приєднуйтеся цього місяця, і кожна стаття й далі "
        "буде доступна всім.",
        "button_label": "Стати членом клубу",
        **CAMPAIGN,
        "goal_label": "нових членів клубу цього місяця",
    },
]


def seed_support():
    """Create (or rewrite) the campaign's prompts; returns how many there are."""
    now = timezone.now()
    for fields in PROMPTS:
        Prompt.objects.update_or_create(
            language=fields["language"],
            placement=fields["placement"],
            heading=fields["heading"],
            defaults={
                **fields,
                "link": MEMBERSHIP_PAGE,
                "is_active": True,
                "starts_at": now - timedelta(days=3),
                "ends_at": now + timedelta(days=27),
            },
        )
    return len(PROMPTS)
