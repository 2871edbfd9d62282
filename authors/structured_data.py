"""schema.org JSON-LD of authors: a Person in bylines, a ProfilePage of their own."""

from newsroom.sanitize import web_address
from newsroom.structured_data import absolute, builder


def person(request, author):
    data = {
        "@type": "Person",
        "name": author.translated("name"),
        "url": absolute(request, author.get_absolute_url()),
    }
    if role := author.translated("role"):
        data["jobTitle"] = role
    return data


@builder("ProfilePage")
def profile_page(request, author):
    data = person(request, author)
    if bio := author.translated("bio"):
        data["description"] = bio
    if author.avatar:
        data["image"] = absolute(request, author.avatar.url)
    links = [
        link for link in (web_address(author.website), author.x_url, author.bluesky_url) if link
    ]
    if links:
        data["sameAs"] = links
    return {
        "@type": "ProfilePage",
        "url": absolute(request, author.get_absolute_url()),
        "mainEntity": data,
    }
