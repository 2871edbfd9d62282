"""Editors run campaigns in the admin; contributors cannot touch them, whatever they POST."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from support.models import Prompt

from .factories import PromptFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    starts = timezone.localtime() - timedelta(hours=1)
    return {
        "language": "en",
        "placement": Prompt.Placement.AFTER_ARTICLE,
        "heading": "Keep independent journalism free",
        "text": "Our members pay for our reporting.",
        "button_label": "Become a member",
        "link": "https://example.org/join",
        "is_active": "on",
        "starts_at_0": starts.strftime("%Y-%m-%d"),
        "starts_at_1": starts.strftime("%H:%M:%S"),
        "ends_at_0": "",
        "ends_at_1": "",
        "goal": "1000",
        "current_figure": "640",
        "currency_sign": "",
        "goal_label": "members",
        **overrides,
    }


def test_editor_lists_and_searches_prompts(editor_client):
    PromptFactory(heading="Join 1,000 members", goal=1000, current_figure=640)
    changelist = reverse("admin:support_prompt_changelist")
    response = editor_client.get(changelist)
    assert response.status_code == 200
    assert "Join 1,000 members" in response.text
    assert "640 of 1,000" in response.text
    assert editor_client.get(changelist, {"q": "members"}).status_code == 200
    assert editor_client.get(reverse("admin:support_prompt_add")).status_code == 200


def test_editor_starts_a_campaign(editor_client, client):
    response = editor_client.post(reverse("admin:support_prompt_add"), form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    prompt = Prompt.objects.get()
    assert prompt.progress_text == "640 of 1,000 members"
    assert prompt.is_shown


@pytest.mark.parametrize("link", ["javascript:alert(document.cookie)", "http://example.org/join"])
def test_the_form_refuses_a_link_that_is_not_https(editor_client, link):
    response = editor_client.post(reverse("admin:support_prompt_add"), form_data(link=link))
    assert response.status_code == 200
    assert "link" in response.context["adminform"].form.errors
    assert not Prompt.objects.exists()


def test_contributor_sees_no_prompts(contributor_client):
    assert contributor_client.get(reverse("admin:support_prompt_changelist")).status_code == 403
    assert contributor_client.get(reverse("admin:support_prompt_add")).status_code == 403
    assert "Reader support" not in contributor_client.get(reverse("admin:index")).text


def test_a_contributors_crafted_posts_change_nothing(contributor_client):
    prompt = PromptFactory(heading="Join 1,000 members")
    add = contributor_client.post(reverse("admin:support_prompt_add"), form_data())
    assert add.status_code == 403
    change = contributor_client.post(
        reverse("admin:support_prompt_change", args=[prompt.pk]),
        form_data(heading="Hacked", link="https://attacker.example/pay"),
    )
    assert change.status_code == 403
    delete = contributor_client.post(
        reverse("admin:support_prompt_delete", args=[prompt.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    prompt.refresh_from_db()
    assert (prompt.heading, prompt.link) == ("Join 1,000 members", "https://example.org/join")
